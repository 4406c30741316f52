package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.run.sweep.Cell;
import org.deepgrad.run.sweep.Grid;
import org.deepgrad.run.sweep.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid format: the cross product and its ids ({@code --dry-run}, nothing trained), and the
 * errors for bad grids, each exit code 2 naming the key path, before any cell runs.
 */
class GridTest {
  @TempDir
  Path dir;

  private Cli.Run dryRun(String axes) throws IOException {
    Path grid = Sweeps.grid(dir, "g.yaml", Sweeps.BASE + axes);
    return Cli.run("sweep", "--dry-run", grid.toString(), "--output", dir.resolve("out").toString());
  }

  @Test
  void crossProductInGridOrderWithReadableIds() throws IOException {
    Cli.Run r = dryRun("axes:\n  depth: [1, 3, 0]\n  activation: [sigmoid, relu]\n  lr: [0.01, 1e-5]\n");
    assertEquals(0, r.code(), r::toString);
    List<String> cells = r.out().lines().filter(l -> l.startsWith("  ")).map(String::trim).toList();
    assertEquals(12, cells.size(), r::toString);
    assertEquals("depth=1,activation=sigmoid,lr=0.01", cells.get(0));
    assertEquals("depth=1,activation=sigmoid,lr=1e-5", cells.get(1));
    assertEquals("depth=1,activation=relu,lr=0.01", cells.get(2));
    assertEquals("depth=0,activation=relu,lr=1e-5", cells.get(11));
    assertFalse(Files.exists(dir.resolve("out")), "a dry run writes nothing");
  }

  @Test
  void depthAndWidthMakeTheHiddenLayers() throws IOException {
    Grid g = Grid.read(Sweeps.grid(dir, "g.yaml", Sweeps.BASE + "axes:\n  depth: [3]\n  width: [5, 7]\n"));
    List<Cell> cells = new Sweep(g).cells(dir.resolve("out"));
    assertEquals(List.of(5, 5, 5), cells.get(0).config().model().hidden());
    assertEquals(List.of(7, 7, 7), cells.get(1).config().model().hidden());
    Grid depthOnly = Grid.read(Sweeps.grid(dir, "d.yaml", Sweeps.BASE + "axes:\n  depth: [4]\n"));
    assertEquals(List.of(8, 8, 8, 8), new Sweep(depthOnly).cells(dir).get(0).config()
        .model().hidden(), "depth alone keeps the base's width (8)");
  }

  @Test
  void templateNamesTheCells() throws IOException {
    Cli.Run r = dryRun("name: \"d{depth}-{activation}\"\naxes:\n  depth: [2]\n  activation: [tanh, relu]\n");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("  d2-tanh\n") && r.out().contains("  d2-relu\n"), r::toString);
  }

  @Test
  void unknownAxisSuggestsTheNearest() throws IOException {
    assertBad(dryRun("axes:\n  activaton: [relu]\n"), "`axes.activaton`", "did you mean `activation`?");
  }

  @Test
  void badValueNamesTheAxisItemAndTheAllowedValues() throws IOException {
    assertBad(dryRun("axes:\n  activation: [relu, relu6]\n"), "`axes.activation[1]` = \"relu6\"", "must be one of");
  }

  @Test
  void emptyOrScalarAxisIsAnError() throws IOException {
    assertBad(dryRun("axes:\n  lr: []\n"), "`axes.lr` is empty");
    assertBad(dryRun("axes:\n  lr: 0.1\n"), "`axes.lr` = 0.1: must be a list of values");
  }

  @Test
  void otherGridErrors() throws IOException {
    assertBad(dryRun("axis:\n  lr: [0.1]\n"), "unknown key `axis`", "did you mean `axes`?");
    assertBad(dryRun("axes:\n  depth: [2, -1]\n"), "`axes.depth[1]` = -1", "whole number >= 0");
    assertBad(dryRun("axes:\n  lr: [0.1, 0.1]\n"), "`axes.lr[1]` = 0.1: repeats `axes.lr[0]`");
    assertBad(dryRun("axes:\n  hidden: [[4, 4]]\n  depth: [2]\n"), "both set model.hidden");
    assertBad(dryRun("axes:\n  lr: [0.1]\n  optimizer.lr: [0.2]\n"), "both set optimizer.lr");
    assertBad(dryRun("axes:\n  optimizer.momentun: [0.9]\n"), "unknown key `optimizer.momentun`");
    assertBad(dryRun("target: {acuracy: 0.9}\naxes:\n  lr: [0.1]\n"), "`target.acuracy`", "did you mean `accuracy`?");
    assertBad(dryRun("name: \"{depth}\"\naxes:\n  lr: [0.1]\n"), "{depth} is not an axis");
    assertBad(dryRun("axes:\n  training.threads: [1, 2]\n"), "--threads N");
  }

  @Test
  void aCellThatCannotBeBuiltIsNamed() throws IOException {
    // momentum suits sgd but not adam: only the cells with adam fail, and the first of them is named.
    String grid = Sweeps.BASE.replace("{name: adam, lr: 0.01}", "{name: sgd, lr: 0.01, momentum: 0.9}")
        + "axes:\n  seed: [1, 2]\n  optimizer: [sgd, adam]\n";
    Cli.Run r = Cli.run("sweep", "--dry-run", Sweeps.grid(dir, "g.yaml", grid).toString());
    assertBad(r, "`axes.optimizer[1]` = \"adam\"");
  }

  private static void assertBad(Cli.Run r, String... parts) {
    assertEquals(2, r.code(), r::toString);
    for (String p : parts) assertTrue(r.err().contains(p), () -> "expected '" + p + "' in\n" + r);
    assertFalse(r.err().contains("\tat "), () -> "no stack trace without --verbose:\n" + r);
  }
}
