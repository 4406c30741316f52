package org.deepgrad.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The run-and-sweep example end to end, in its own folder: a run trained from a value and a two-cell
 * sweep with its results page, with no deepgrad-cli class on the class path.
 */
class RunAndSweepTest {
  @Test
  void theCommandLineIsNotOnTheClassPath() {
    assertFalse(RunAndSweepTest.class.getClassLoader().getResource("org/deepgrad/cli/Main.class") != null,
        "deepgrad-cli must not be a dependency of the examples");
  }

  @Test
  void trainsTheRunAndWritesTheSweepsPage() throws Exception {
    Path runs = Path.of("target", "example-runs").toAbsolutePath();
    deleteTree(runs); // a rerun of the test starts afresh
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      RunAndSweep.main(runs);
    } finally {
      System.setOut(stdout);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("trained: test accuracy: "), text);
    assertTrue(text.contains("swept: 2 cells; results page " + runs.resolve("example-sweep").resolve("results.html")),
        text);
    assertTrue(Files.isRegularFile(runs.resolve("example-run").resolve("report.html")));
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) return;
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
