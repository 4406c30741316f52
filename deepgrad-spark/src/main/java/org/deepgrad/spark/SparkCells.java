package org.deepgrad.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.deepgrad.backend.Backends;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.sweep.Cell;
import org.deepgrad.run.sweep.CellExecutor;
import org.deepgrad.run.sweep.CellResult;
import org.deepgrad.run.sweep.CellRunner;

/**
 * A sweep's cells as Spark tasks ({@link CellExecutor#connect}): one job of one plain task per cell, all
 * submitted at once, so Spark runs them in grid order as cores free up (FIFO), each task a cell run as
 * a local sweep runs it ({@link CellTask}) into the sweep's folder, which must be one every executor
 * reaches at the same path. A task that fails (an executor lost, a cell that ended in an error) is
 * tried again by Spark, up to its task attempts ({@code spark.task.maxFailures}, 4 on a cluster; in
 * local mode {@code local[N,F]}); a cell whose every attempt failed gets an error result, reported with
 * the others. Results are read back from the cells' {@code result.json} files as their jobs end.
 */
final class SparkCells implements CellExecutor {
  private static final long POLL_MS = 100;

  /** Registered in {@code META-INF/services/org.deepgrad.run.sweep.CellExecutor$Provider}. */
  public static final class Provider implements CellExecutor.Provider {
    @Override
    public CellExecutor connect(String master) {
      return new SparkCells(SparkMaster.connect(master, 0));
    }
  }

  private final SparkMaster master;

  private SparkCells(SparkMaster master) {
    this.master = master;
  }

  @Override
  public String describe(int cells, int threads) {
    return "as Spark tasks on " + master.url + " (" + master.cores + " at a time), " + master.taskThreads(threads)
        + " thread(s) each, each tried up to " + master.taskAttempts + " time(s)";
  }

  @Override
  public void run(List<Cell> cells, int threads, Done done) throws IOException, InterruptedException {
    JavaSparkContext sc = new JavaSparkContext(master.session.sparkContext());
    int t = master.taskThreads(threads);
    int attempts = master.taskAttempts;
    int before = Backends.current().threads(); // local mode: the tasks set this JVM's
    Map<JavaFutureAction<List<String>>, Cell> jobs = new LinkedHashMap<>();
    long start = System.nanoTime();
    try {
      for (Cell c : cells) {
        CellTask task = CellTask.of(c);
        sc.setJobDescription("deepgrad sweep cell " + c.id());
        jobs.put(sc.parallelize(List.of(task), 1).map(x -> x.run(t, attempts)).collectAsync(), c);
      }
      while (!jobs.isEmpty()) {
        for (var job : new ArrayList<>(jobs.entrySet())) {
          if (!job.getKey().isDone()) continue;
          jobs.remove(job.getKey());
          done.accept(result(job.getKey(), job.getValue(), (System.nanoTime() - start) / 1e9));
        }
        Thread.sleep(POLL_MS);
      }
    } finally {
      jobs.keySet().forEach(j -> j.cancel(true));
      Backends.current().setThreads(before);
    }
  }

  /** The result of {@code cell}'s finished job: its result.json, or an error result when every attempt failed. */
  private CellResult result(JavaFutureAction<List<String>> job, Cell cell, double seconds)
      throws IOException, InterruptedException {
    try {
      job.get();
      CellResult r = CellResult.read(cell.dir());
      if (r != null) return r;
      return CellRunner.recordFailure(cell, new RunException("its task ended but left no readable "
          + CellResult.FILE + " in " + cell.dir() + "; is that folder on a file system the executors share with the "
          + "driver?"), seconds);
    } catch (ExecutionException e) {
      String why = e.getCause() == null || e.getCause().getMessage() == null ? String.valueOf(e.getCause())
          : e.getCause().getMessage().lines().findFirst().orElse("").trim();
      CellResult r = CellResult.read(cell.dir());
      if (r != null && !r.finished()) return r; // its own error, from its last attempt
      return CellRunner.recordFailure(cell, new RunException("its Spark task failed on every attempt (" + master.taskAttempts
          + "): " + why), seconds);
    }
  }

  @Override
  public void close() {
    master.close();
  }
}
