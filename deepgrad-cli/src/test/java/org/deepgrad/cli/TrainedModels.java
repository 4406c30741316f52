package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tiny models trained once per test JVM by {@code deepgrad train}, in target/test-models, for the
 * evaluate and predict tests: a standardized spirals classifier, an MNIST classifier (20 steps) and
 * a linear regression.
 */
final class TrainedModels {
  static final Path ROOT = Path.of("target", "test-models");
  private static final Map<String, List<String>> FLAGS = Map.of(
      "spirals", List.of("--dataset", "spirals", "--hidden", "8", "--epochs", "2", "--standardize"),
      "mnist", List.of("--dataset", "mnist-10k", "--hidden", "16", "--epochs", "1", "--max-steps", "20"),
      "linear", List.of("--dataset", "linear", "--hidden", "none", "--epochs", "2"));
  private static final Map<String, Trained> TRAINED = new HashMap<>();

  private TrainedModels() {}

  /** A trained model: its directory and the test line train printed, without "; model saved in ...". */
  record Trained(Path dir, String testLine) {}

  /** The model called {@code name} (spirals, mnist, linear), trained on first use. */
  static synchronized Trained get(String name) {
    return TRAINED.computeIfAbsent(name, TrainedModels::train);
  }

  private static Trained train(String name) {
    Path dir = ROOT.resolve(name);
    delete(dir);
    List<String> args = new ArrayList<>(List.of("train", "--no-progress", "--out", dir.toString()));
    args.addAll(FLAGS.get(name));
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertEquals(0, run.code(), run::toString);
    String line = run.out().lines().filter(l -> l.startsWith("test ")).findFirst().orElseThrow();
    return new Trained(dir, line.substring(0, line.indexOf("; model saved in ")));
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
