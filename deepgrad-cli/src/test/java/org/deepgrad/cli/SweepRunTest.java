package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deepgrad.run.files.CsvTables;
import org.deepgrad.run.sweep.CellResult;
import org.deepgrad.run.sweep.CellRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps that train (4 tiny cells, a few seconds): the results files, resuming, a changed grid,
 * and the same numbers with one job or two.
 */
class SweepRunTest {
  static final String GRID = Sweeps.BASE + "target: {accuracy: 0.5}\naxes:\n  depth: [1, 3]\n  activation: [sigmoid, relu]\n";

  @TempDir
  Path dir;

  private Cli.Run sweep(Path grid, Path out, String... flags) {
    List<String> args = new ArrayList<>(List.of("sweep", grid.toString(), "--output", out.toString()));
    args.addAll(List.of(flags));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void resultsCsvHasARowPerCellWithTheColumns() throws IOException {
    Cli.Run r = sweep(Sweeps.grid(dir, "g.yaml", GRID), dir.resolve("out"));
    assertEquals(0, r.code(), r::toString);
    List<Map<String, String>> rows = csv(dir.resolve("out/results.csv"));
    assertEquals(4, rows.size());
    assertEquals(List.of("cell", "depth", "activation", "status", "epochs", "steps", "train_loss", "val_loss",
        "val_accuracy", "test_loss", "test_accuracy", "epochs_to_target", "grad_ratio_first_last", "findings", "seconds",
        "message"), List.copyOf(rows.get(0).keySet()));
    for (Map<String, String> row : rows) {
      assertEquals("ok", row.get("status"), row::toString);
      assertEquals("2", row.get("epochs"));
      assertEquals("10", row.get("steps"), "160 training samples in batches of 32, 2 epochs");
      double accuracy = Double.parseDouble(row.get("test_accuracy"));
      assertTrue(accuracy >= 0 && accuracy <= 1, row::toString);
      assertTrue(Double.parseDouble(row.get("grad_ratio_first_last")) > 0, row::toString);
      assertTrue(Double.parseDouble(row.get("train_loss")) > 0, row::toString);
    }
    assertEquals("depth=1,activation=sigmoid", rows.get(0).get("cell"));
    assertEquals(4, r.out().lines().filter(l -> l.matches("\\[\\d/4] .*: ok, test accuracy .*")).count(), r::toString);
    String md = Files.readString(dir.resolve("out/results.md"));
    assertTrue(md.contains("| cell | depth | activation | status |") && md.contains("\nbest: "), md);
    // A deeper sigmoid stack passes less gradient to its first layer than to its last.
    Map<String, Double> ratio = rows.stream().collect(Collectors.toMap(m -> m.get("cell"),
        m -> Double.parseDouble(m.get("grad_ratio_first_last"))));
    assertTrue(ratio.get("depth=3,activation=sigmoid") < ratio.get("depth=1,activation=sigmoid"), ratio::toString);
  }

  @Test
  void rerunSkipsFinishedCellsAndRunsOnlyTheOneWithoutAResult() throws IOException {
    Path grid = Sweeps.grid(dir, "g.yaml", GRID);
    Path out = dir.resolve("out");
    assertEquals(0, sweep(grid, out).code());
    String before = Files.readString(out.resolve("results.csv"));
    Path cell = out.resolve("cells/depth=3,activation=relu");
    Files.delete(cell.resolve(CellResult.FILE));
    Cli.Run again = sweep(grid, out);
    assertEquals(0, again.code(), again::toString);
    assertTrue(again.out().contains("4 cells, 3 finished earlier; running 1"), again::toString);
    assertTrue(again.out().contains("[1/1] depth=3,activation=relu: ok"), again::toString);
    assertTrue(Files.readString(cell.resolve(CellRunner.LOG)).startsWith("deepgrad sweep: cell depth=3,activation=relu "
        + "(again, from the beginning)"), "it starts over in an emptied directory");
    assertEquals(withoutSeconds(before), withoutSeconds(Files.readString(out.resolve("results.csv"))),
        "the cell run again ends with the same numbers");
  }

  @Test
  void changedGridIsRefusedUnlessForced() throws IOException {
    Path out = dir.resolve("out");
    assertEquals(0, sweep(Sweeps.grid(dir, "g.yaml", GRID), out).code());
    Path changed = Sweeps.grid(dir, "changed.yaml", GRID.replace("lr: 0.01", "lr: 0.02"));
    Cli.Run refused = sweep(changed, out);
    assertEquals(2, refused.code(), refused::toString);
    assertTrue(refused.err().contains("4 of 4 cells were run with other settings"), refused::toString);
    assertTrue(refused.err().contains("optimizer.lr was 0.01, now 0.02"), refused::toString);
    assertTrue(refused.err().contains("--out DIR") && refused.err().contains("--force"), refused::toString);
    // Adding a value is no conflict: the finished cells are kept.
    Cli.Run extended = sweep(Sweeps.grid(dir, "more.yaml", GRID.replace("[sigmoid, relu]", "[sigmoid, relu, tanh]")), out);
    assertEquals(0, extended.code(), extended::toString);
    assertTrue(extended.out().contains("6 cells, 4 finished earlier; running 2"), extended::toString);
    Cli.Run forced = sweep(changed, out, "--force");
    assertEquals(0, forced.code(), forced::toString);
    assertTrue(forced.out().contains("--force: deleted 4 cell(s)") && forced.out().contains("running 4"),
        forced::toString);
  }

  @Test
  void notASweepDirectoryIsRefused() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    Cli.Run r = sweep(Sweeps.grid(dir, "g.yaml", GRID), out);
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("does not hold a sweep"), r::toString);
  }

  /**
   * Cells trained side by side share nothing that changes their numbers. The thread count is pinned:
   * by default it is processors / jobs, and OpenBLAS's sums depend on it (the Java backend's do not).
   */
  @Test
  void twoJobsGiveTheSameNumbersAsOne() throws IOException {
    Path grid = Sweeps.grid(dir, "g.yaml", GRID);
    assertEquals(0, sweep(grid, dir.resolve("one"), "--jobs", "1", "--threads", "1").code());
    Cli.Run two = sweep(grid, dir.resolve("two"), "--jobs", "2", "--threads", "1");
    assertEquals(0, two.code(), two::toString);
    assertTrue(two.out().contains("with 2 job(s) of 1 thread(s) each"), two::toString);
    assertEquals(withoutSeconds(Files.readString(dir.resolve("one/results.csv"))),
        withoutSeconds(Files.readString(dir.resolve("two/results.csv"))));
  }

  @Test
  void aFailingCellDoesNotStopTheOthers() throws IOException {
    String grid = Sweeps.BASE + "axes:\n  lr: [0.01, 1.0e+30]\n  data.validation: [0.2]\n";
    Cli.Run r = sweep(Sweeps.grid(dir, "g.yaml", grid), dir.resolve("out"));
    assertEquals(0, r.code(), "a cell that diverged is a result, not an error:\n" + r);
    List<Map<String, String>> rows = csv(dir.resolve("out/results.csv"));
    assertEquals("ok", rows.get(0).get("status"));
    assertEquals("nan", rows.get(1).get("status"), rows.get(1)::toString);
    assertTrue(rows.get(1).get("message").startsWith("training stopped"), rows.get(1)::toString);
    assertEquals("", rows.get(1).get("test_accuracy"), "no model, so no test metrics");

    // A file that exists passes the up-front check; its bad row fails the cell when the data is read.
    Path bad = Files.writeString(dir.resolve("bad.csv"), "x,label\n1,a\nnot-a-number,b\n");
    String grid2 = Sweeps.BASE.replace(", synthetic: {samples: 200, test_samples: 50}", "")
        + "axes:\n  data.dataset: [spirals, \"csv:" + bad + "\"]\n";
    Cli.Run failed = sweep(Sweeps.grid(dir, "m.yaml", grid2), dir.resolve("m"));
    assertEquals(SweepCommand.CELL_FAILED, failed.code(), failed::toString);
    List<Map<String, String>> mRows = csv(dir.resolve("m/results.csv"));
    assertEquals(List.of("ok", "error"), mRows.stream().map(m -> m.get("status")).toList(), mRows::toString);
    assertTrue(mRows.get(1).get("message").contains("bad.csv"), mRows::toString);
    assertFalse(failed.out().contains("\tat "), failed::toString);
  }

  /** The rows of a CSV file, by column name. */
  static List<Map<String, String>> csv(Path file) throws IOException {
    return CsvTables.read(file);
  }

  /** The CSV text without its seconds column, the one value that differs between identical runs. */
  private static String withoutSeconds(String text) throws IOException {
    Path f = Files.writeString(dir().resolve("tmp.csv"), text);
    return csv(f).stream().map(m -> {
      m.remove("seconds");
      return m.toString();
    }).collect(Collectors.joining("\n"));
  }

  private static Path dir() throws IOException {
    return Files.createTempDirectory("csv");
  }
}
