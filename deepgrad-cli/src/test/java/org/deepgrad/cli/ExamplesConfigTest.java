package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every config in the repository's {@code examples/} passes {@code deepgrad train --dry-run} (the
 * whole configuration is read and validated, nothing is trained), so a change to the config format
 * cannot silently break an example; a sweep grid ({@code sweep-*.yaml}) passes
 * {@code deepgrad sweep --dry-run} instead, which builds every cell's configuration. Each also opens
 * with its comment block and has a row in {@code examples/README.md}.
 */
class ExamplesConfigTest {
  /** The repository root: surefire's {@code repo.dir}, else the nearest directory upwards holding examples/. */
  static Path repoRoot() {
    String repo = System.getProperty("repo.dir");
    if (repo != null && !repo.isBlank() && Files.isDirectory(Path.of(repo, "examples"))) return Path.of(repo);
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples")) && Files.isRegularFile(p.resolve("deepgrad"))) return p;
    }
    throw new IllegalStateException("cannot find the repository root (a directory with examples/ and the deepgrad "
        + "launcher) from " + Path.of("").toAbsolutePath() + "; run the tests with ./mvnw from the repository root");
  }

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(repoRoot().resolve("examples"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void thereAreExamples() throws IOException {
    List<Path> examples = examples();
    assertTrue(examples.size() >= 20, () -> "expected the article topics' examples, found " + examples);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void dryRunAccepts(Path example) throws IOException {
    boolean grid = example.getFileName().toString().startsWith("sweep-");
    Cli.Run run = Cli.run(grid ? "sweep" : "train", "--dry-run", example.toString());
    assertEquals(0, run.code(), run::toString);
    assertFalse(run.out().isBlank(), run::toString);
    assertTrue(Files.readString(example).startsWith("# "), () -> example + " must open with its comment block");
    String name = example.getFileName().toString();
    String readme = Files.readString(repoRoot().resolve("examples/README.md"));
    assertTrue(readme.contains("`" + name + "`"), () -> name + " has no row in examples/README.md");
  }
}
