package org.deepgrad.run.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.run.TinyRuns;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep built in Java: typed axes over a base value, its cells, its results and its page. */
class SweepTest {
  @TempDir
  Path dir;

  private static TrainConfig base() {
    return TinyRuns.config(null).withTraining(t -> t.withMaxSteps(10));
  }

  @Test
  void aTwoCellSweepRunsEachCellAndWritesItsPage() throws Exception {
    Sweep sweep = Sweep.of("lr", base())
        .axis("lr", List.of(0.1, 0.01), (c, lr) -> c.withOptimizer(o -> o.withLr(lr))).target("accuracy", 0.5).build();
    Path out = dir.resolve("sweep");
    List<Cell> cells = sweep.cells(out);
    assertEquals(List.of("lr=0.1", "lr=0.01"), cells.stream().map(Cell::id).toList());
    assertEquals(0.01, (double) cells.get(1).config().optimizer().hyper().get("lr"));
    assertEquals(out.resolve("cells").resolve("lr=0.01"), cells.get(1).config().output().dir());

    StringWriter log = new StringWriter();
    Sweep.Outcome o = sweep.run(out, 1, 1, false, new PrintWriter(log));
    assertTrue(o.noCellFailed(), log::toString);
    assertEquals(2, o.results().rows().size(), log::toString);
    assertEquals(out.resolve(SweepReport.FILE), o.page());
    assertTrue(Files.readString(o.page()).contains("lr=0.01"), "the page lists the cells");
    assertTrue(Files.isRegularFile(out.resolve("cells").resolve("lr=0.1").resolve("model.json")), "each cell is a run");
    assertTrue(Files.readString(out.resolve(SweepState.FILE)).contains("\"lr\" : [ 0.1, 0.01 ]"),
        "sweep.json records the axis' values");
  }

  @Test
  void aBadValueIsNamedByItsAxisAndKey() {
    Sweep sweep = Sweep.of("bad", base())
        .axis("lr", List.of(0.1, -1.0), (c, lr) -> c.withOptimizer(o -> o.withLr(lr))).build();
    RunException e = assertThrows(RunException.class, () -> sweep.cells(dir));
    assertTrue(e.getMessage().startsWith("sweep bad: `axes.lr[1]` = -1.0: ") && e.getMessage().contains("optimizer.lr"),
        e.getMessage());
  }

  @Test
  void anAxisListsEachValueOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sweep.of("twice", base())
        .axis("seed", List.of(1L, 1L), (c, s) -> c.withTraining(t -> t.withSeed(s))));
    assertTrue(e.getMessage().contains("lists a value twice"), e.getMessage());
  }
}
