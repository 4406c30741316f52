package org.deepgrad.run.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the cells of a plan that have no result yet with a {@link CellExecutor} (threads of this JVM,
 * or a cluster's tasks), and rebuilds the results files after each one (results.html, with its charts,
 * at the end only: {@link SweepReport}).
 */
final class SweepRun {
  private SweepRun() {}

  /**
   * Runs the unfinished cells of {@code plan} on {@code cells}, printing one line per finished cell and
   * the table at the end on {@code console}.
   *
   * @param threads the backend threads of each cell (0: the executor's default)
   * @return the results and the page
   */
  static Ended run(Grid g, Plan plan, Path out, CellExecutor cells, int threads, PrintWriter console)
      throws IOException, InterruptedException {
    List<Cell> pending = new ArrayList<>();
    for (Cell c : plan.cells()) {
      CellResult r = CellResult.read(c.dir());
      if (r == null || !r.finished() || !r.hash().equals(c.hash())) pending.add(c);
    }
    console.println("sweep " + g.name() + ": " + plan.cells().size() + " cells, " + (plan.cells().size() - pending.size())
        + " finished earlier; running " + pending.size() + " " + cells.describe(pending.size(), threads)
        + "; writing to " + out);
    console.flush();
    AtomicInteger done = new AtomicInteger();
    cells.run(pending, threads, r -> {
      console.println("[" + done.incrementAndGet() + "/" + pending.size() + "] " + line(r));
      console.flush();
      Results.write(out, g, plan);
    });
    ResultsTable t = Results.write(out, g, plan);
    console.println();
    console.print(ResultsFiles.table(t));
    console.println(ResultsFiles.bestLine(t));
    Path page = SweepReport.writeOrWarn(out, g.name(), plan.cells().size(), t, console);
    console.println("results in " + out.resolve(ResultsFiles.CSV) + (page == null ? " and " : ", ")
        + out.resolve(ResultsFiles.MARKDOWN) + (page == null ? "" : " and " + page));
    console.flush();
    return new Ended(t, page);
  }

  /** The results of a sweep that ran, and its page (null when it could not be written). */
  record Ended(ResultsTable table, Path page) {}

  /** {@code depth=5,activation=relu: ok, test accuracy 91.20% (loss 0.3012), grad ratio 0.0042, 12.3 s}. */
  static String line(CellResult r) {
    StringBuilder b = new StringBuilder(r.id()).append(": ").append(r.status());
    var test = r.run().test();
    if (test.containsKey("test_accuracy")) {
      b.append(String.format(Locale.ROOT, ", test accuracy %.2f%% (loss %.4g)", 100 * test.get("test_accuracy"),
          test.get("test_loss")));
    } else if (test.containsKey("test_mse")) {
      b.append(String.format(Locale.ROOT, ", test mse %.4g, r2 %.4f", test.get("test_mse"),
          test.getOrDefault("test_r2", Double.NaN)));
    }
    if (Double.isFinite(r.run().gradRatio())) b.append(String.format(Locale.ROOT, ", grad ratio %.3g", r.run().gradRatio()));
    b.append(String.format(Locale.ROOT, ", %.1f s", r.seconds()));
    if (!r.message().isEmpty()) b.append(": ").append(r.message());
    return b.toString();
  }
}
