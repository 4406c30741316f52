package org.deepgrad.run.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;

/**
 * Runs the cells of a plan that have no result yet, up to {@code jobs} at a time on a pool of
 * threads in this JVM, and rebuilds the results files after each one (results.html, with its charts,
 * at the end only: {@link SweepReport}). The backend's thread count
 * is one global setting; the sweep sets it for its duration (each cell uses it for its matrix
 * products) and restores it after. Every cell builds its own data, model, optimizer, loader and
 * random generators from its seed and shares nothing mutable with the others, so at a given thread
 * count a cell's numbers do not depend on {@code jobs}. The default thread count does (processors
 * / jobs): the Java backend gives the same sums for any thread count, but OpenBLAS does not (its
 * results differ in the 7th or 8th digit between 1 and 2 threads), so pin {@code --threads} to
 * compare sweeps run with different {@code --jobs} bit for bit.
 */
final class SweepRun {
  private SweepRun() {}

  /**
   * Runs the unfinished cells of {@code plan}, printing one line per finished cell and the table at
   * the end on {@code console}.
   *
   * @param threads the backend threads for the sweep (0: the processors divided among the jobs)
   * @return the results and the page
   */
  static Ended run(Grid g, Plan plan, Path out, int jobs, int threads, PrintWriter console)
      throws IOException, InterruptedException {
    List<Cell> pending = new ArrayList<>();
    for (Cell c : plan.cells()) {
      CellResult r = CellResult.read(c.dir());
      if (r == null || !r.finished() || !r.hash().equals(c.hash())) pending.add(c);
    }
    int workers = Math.max(1, Math.min(jobs, pending.size()));
    int perJob = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    console.println("sweep " + g.name() + ": " + plan.cells().size() + " cells, " + (plan.cells().size() - pending.size())
        + " finished earlier; running " + pending.size() + " with " + workers + " job(s) of " + perJob
        + " thread(s) each; writing to " + out);
    console.flush();
    Backend backend = Backends.current();
    int before = backend.threads();
    backend.setThreads(perJob);
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "sweep-cell-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      CompletionService<CellResult> done = new ExecutorCompletionService<>(pool);
      for (Cell c : pending) done.submit(() -> CellRunner.run(c));
      for (int i = 1; i <= pending.size(); i++) {
        CellResult r = get(done.take());
        console.println("[" + i + "/" + pending.size() + "] " + line(r));
        console.flush();
        Results.write(out, g, plan);
      }
    } finally {
      pool.shutdownNow();
      backend.setThreads(before);
    }
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

  /** The result of {@code f}; an error that is not the cell's own (its files could not be written) ends the sweep. */
  private static CellResult get(Future<CellResult> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }
}
