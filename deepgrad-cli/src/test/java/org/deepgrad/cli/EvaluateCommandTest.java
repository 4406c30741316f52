package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code deepgrad evaluate}: the saved model reproduces its run's test line; bad models and data exit 2. */
class EvaluateCommandTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"spirals", "mnist", "linear"})
  void reproducesTheTestLineOfTraining(String name) {
    TrainedModels.Trained m = TrainedModels.get(name);
    Cli.Run run = Cli.run("evaluate", "--model", m.dir().toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().lines().anyMatch(m.testLine()::equals), () -> "'" + m.testLine() + "' missing:\n" + run);
  }

  @Test
  void reportsEachClassAndTheConfusionMatrix() {
    Cli.Run run = Cli.run("evaluate", "--model", TrainedModels.get("spirals").dir().toString());
    assertEquals(0, run.code(), run::toString);
    List<String> lines = run.out().lines().toList();
    int table = lines.indexOf("per class:");
    assertEquals(List.of("class", "samples", "accuracy"), List.of(lines.get(table + 1).split("\\s+")), run::toString);
    int matrix = lines.indexOf("confusion matrix (rows: true class, columns: predicted class):");
    assertTrue(matrix > table, run::toString);
    long correct = 0;
    for (int c = 0; c < 2; c++) {
      String[] perClass = lines.get(table + 2 + c).trim().split("\\s+");
      String[] row = lines.get(matrix + 2 + c).trim().split("\\s+");
      assertEquals(String.valueOf(c), perClass[0]);
      assertEquals(String.valueOf(c), row[0]);
      long samples = Long.parseLong(row[1]) + Long.parseLong(row[2]);
      assertEquals(samples, Long.parseLong(perClass[1]), run::toString);
      assertEquals(100.0 * Long.parseLong(row[1 + c]) / samples, Double.parseDouble(perClass[2].replace("%", "")), 0.005);
      correct += Long.parseLong(row[1 + c]);
    }
    String accuracy = String.format("test accuracy: %.2f%%", 100.0 * correct / 200);
    assertTrue(run.out().contains(accuracy + " (loss "), () -> accuracy + " missing:\n" + run);
  }

  @Test
  void evaluatesOnAnotherDataSetWithTheSameFeatures() {
    Cli.Run run = Cli.run("evaluate", "--model", TrainedModels.get("spirals").dir().toString(), "--dataset", "spirals");
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("(200 test samples)"), run::toString);
  }

  @Test
  void aCorruptModelJsonExitsWithTwo() throws IOException {
    Path dir = copy(TrainedModels.get("spirals").dir());
    Files.writeString(dir.resolve("model.json"), "{\"format\": \"deepgrad-model\", ");
    fails(List.of("evaluate", "--model", dir.toString()), "model.json");
  }

  @Test
  void missingWeightsExitWithTwo() throws IOException {
    Path dir = copy(TrainedModels.get("spirals").dir());
    Files.delete(dir.resolve("model.safetensors"));
    fails(List.of("evaluate", "--model", dir.toString()), "model.safetensors", "not found");
  }

  @Test
  void dataWithOtherFeaturesNamesBothWidths() {
    fails(List.of("evaluate", "--model", TrainedModels.get("spirals").dir().toString(), "--dataset", "mnist-10k"),
        "takes 2 inputs", "mnist-10k has 784 features");
  }

  @Test
  void dataOfAnotherTaskIsRefused() {
    fails(List.of("evaluate", "--model", TrainedModels.get("linear").dir().toString(), "--dataset", "spirals"),
        "is a regression model", "spirals is a classification data set");
  }

  @Test
  void anUnknownDataSetIsNamed() {
    fails(List.of("evaluate", "--model", TrainedModels.get("spirals").dir().toString(), "--dataset", "spiral"),
        "unknown data set", "did you mean `spirals`?");
  }

  @Test
  void aMissingModelDirectoryIsNamed() {
    fails(List.of("evaluate", "--model", tmp.resolve("none").toString()), "no such directory");
  }

  /** A copy of the model files of {@code dir} (model.json, model.safetensors, config.yaml). */
  private Path copy(Path dir) throws IOException {
    Path to = Files.createDirectories(tmp.resolve("copy"));
    for (String f : List.of("model.json", "model.safetensors", "config.yaml")) Files.copy(dir.resolve(f), to.resolve(f));
    return to;
  }

  /** Runs {@code args}: exit 2, every phrase on stderr, no stack trace, nothing on stdout. */
  static void fails(List<String> args, String... phrases) {
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    for (String p : phrases) assertTrue(run.err().contains(p), () -> "'" + p + "' missing:\n" + run);
    assertFalse(run.err().contains("\tat "), run::toString);
    assertEquals("", run.out(), run::toString);
  }
}
