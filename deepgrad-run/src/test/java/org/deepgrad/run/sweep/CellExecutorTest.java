package org.deepgrad.run.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepgrad.run.TinyRuns;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's cells run by a {@link CellExecutor} other than threads, as a cluster runs them: in another
 * order, one lost; the sweep reports every cell, the lost one as an error, and a rerun runs only that one.
 */
class CellExecutorTest {
  @TempDir
  Path dir;

  /** Runs the cells last first; the cell named {@code lost} is not run, its failure recorded as a cluster would. */
  private static final class Backwards implements CellExecutor {
    final String lost;
    final List<String> ran = new ArrayList<>();

    Backwards(String lost) {
      this.lost = lost;
    }

    @Override
    public String describe(int cells, int threads) {
      return "backwards";
    }

    @Override
    public void run(List<Cell> cells, int threads, Done done) throws IOException {
      List<Cell> backwards = new ArrayList<>(cells);
      java.util.Collections.reverse(backwards);
      for (Cell c : backwards) {
        ran.add(c.id());
        done.accept(c.id().equals(lost) ? CellRunner.recordFailure(c, new RunException("its task failed on every "
            + "attempt (4): executor lost"), 1.0) : CellRunner.run(c));
      }
    }
  }

  private static Sweep sweep() {
    TrainConfig base = TinyRuns.config(null).withTraining(t -> t.withMaxSteps(5));
    return Sweep.of("lr", base).axis("lr", List.of(0.1, 0.01, 0.001), (c, lr) -> c.withOptimizer(o -> o.withLr(lr)))
        .build();
  }

  @Test
  void everyCellIsReportedTheLostOneAsAnErrorAndARerunRunsOnlyIt() throws Exception {
    Path out = dir.resolve("sweep");
    StringWriter log = new StringWriter();
    Backwards cells = new Backwards("lr=0.01");
    Sweep.Outcome o = sweep().run(out, cells, 1, false, new PrintWriter(log));
    assertEquals(List.of("lr=0.001", "lr=0.01", "lr=0.1"), cells.ran);
    assertTrue(log.toString().startsWith("sweep lr: 3 cells, 0 finished earlier; running 3 backwards;"), log::toString);
    assertFalse(o.noCellFailed());
    assertEquals(3, o.results().rows().size());
    CellResult lost = CellResult.read(out.resolve("cells").resolve("lr=0.01"));
    assertEquals("error", lost.status());
    assertEquals("its task failed on every attempt (4): executor lost", lost.message());

    Backwards again = new Backwards("none");
    StringWriter log2 = new StringWriter();
    assertTrue(sweep().run(out, again, 1, false, new PrintWriter(log2)).noCellFailed(), log2::toString);
    assertEquals(List.of("lr=0.01"), again.ran, "the finished cells are skipped");
  }

  @Test
  void withoutAnImplementationOnTheClassPathConnectingSaysHowToGetOne() {
    RunException e = assertThrows(RunException.class, () -> CellExecutor.connect("spark://h:7077"));
    assertTrue(e.getMessage().startsWith("--master spark://h:7077: running a sweep's cells on a cluster needs "
        + "deepgrad-spark"), e.getMessage());
  }
}
