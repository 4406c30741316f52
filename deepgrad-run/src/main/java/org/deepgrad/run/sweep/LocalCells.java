package org.deepgrad.run.sweep;

import java.io.IOException;
import java.util.List;
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
 * Cells on a pool of up to {@code jobs} threads in this JVM ({@link CellExecutor#threads}). The backend's
 * thread count is one global setting; the pool sets it for its duration (each cell uses it for its
 * matrix products) and restores it after. Every cell builds its own data, model, optimizer, loader and
 * random generators from its seed and shares nothing mutable with the others, so at a given thread
 * count a cell's numbers do not depend on {@code jobs}. The default thread count does (processors /
 * jobs): the Java backend gives the same sums for any thread count, but OpenBLAS does not (its results
 * differ in the 7th or 8th digit between 1 and 2 threads), so pin {@code --threads} to compare sweeps run
 * with different {@code --jobs} bit for bit.
 */
final class LocalCells implements CellExecutor {
  private final int jobs;

  LocalCells(int jobs) {
    if (jobs < 1) throw new IllegalArgumentException("jobs " + jobs + ": must be >= 1");
    this.jobs = jobs;
  }

  @Override
  public String describe(int cells, int threads) {
    return "with " + workers(cells) + " job(s) of " + perJob(cells, threads) + " thread(s) each";
  }

  private int workers(int cells) {
    return Math.max(1, Math.min(jobs, cells));
  }

  private int perJob(int cells, int threads) {
    return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / workers(cells));
  }

  @Override
  public void run(List<Cell> cells, int threads, Done done) throws IOException, InterruptedException {
    Backend backend = Backends.current();
    int before = backend.threads();
    backend.setThreads(perJob(cells.size(), threads));
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers(cells.size()), r -> {
      Thread t = new Thread(r, "sweep-cell-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      CompletionService<CellResult> results = new ExecutorCompletionService<>(pool);
      for (Cell c : cells) results.submit(() -> CellRunner.run(c));
      for (int i = 0; i < cells.size(); i++) done.accept(get(results.take()));
    } finally {
      pool.shutdownNow();
      backend.setThreads(before);
    }
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
