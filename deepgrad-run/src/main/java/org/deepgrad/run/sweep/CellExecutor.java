package org.deepgrad.run.sweep;

import java.io.IOException;
import java.util.List;
import java.util.ServiceLoader;
import org.deepgrad.run.config.RunException;

/**
 * Where a sweep's cells run: on threads of this JVM ({@link #threads}) or as the tasks of a cluster
 * ({@link #connect}: deepgrad-spark's Spark, one task per cell). Whatever runs them, each cell is
 * {@link CellRunner#run}: it writes its run's files and its {@code result.json} into its own folder
 * under the sweep's, which is where the sweep reads its results from; so on a cluster the sweep's
 * folder must be one every machine reaches at the same path.
 */
public interface CellExecutor extends AutoCloseable {

  /** Makes a cluster's {@link CellExecutor}; deepgrad-spark registers one in {@code META-INF/services}. */
  interface Provider {
    /** Cells run as the tasks of the cluster at {@code master}. */
    CellExecutor connect(String master);
  }

  /** What to do with each cell's result as it comes, on the thread that called {@link #run}. */
  @FunctionalInterface
  interface Done {
    void accept(CellResult result) throws IOException;
  }

  /** Up to {@code jobs} cells at a time, each on a thread of this JVM. */
  static CellExecutor threads(int jobs) {
    return new LocalCells(jobs);
  }

  /**
   * Cells as the tasks of the cluster at {@code master} (e.g. {@code local[2]}, {@code spark://HOST:7077}).
   *
   * @throws RunException when no implementation is on the class path, the URL is not one it takes, or
   *     the cluster cannot be reached
   */
  static CellExecutor connect(String master) {
    for (Provider p : ServiceLoader.load(Provider.class)) return p.connect(master);
    throw new RunException("--master " + master + ": running a sweep's cells on a cluster needs deepgrad-spark and "
        + "Spark's jars on the class path, and they are not here. Run it through ./deepgrad, which builds them and "
        + "adds them when --master is given (the first time downloads Spark, about 320 MB) (docs/spark.md).");
  }

  /**
   * How {@code cells} cells run, for the sweep's first line: {@code with 2 job(s) of 1 thread(s) each}.
   *
   * @param threads the backend threads each cell uses (0: this executor's default)
   */
  String describe(int cells, int threads);

  /**
   * Runs every cell of {@code cells} and hands each one's result to {@code done} as it finishes, in any
   * order; a cell that fails is a result (status error), never left out. Throws only when the sweep
   * itself cannot go on (a cell's files could not be written).
   *
   * @param threads the backend threads each cell uses (0: this executor's default)
   */
  void run(List<Cell> cells, int threads, Done done) throws IOException, InterruptedException;

  /** Lets go of what {@link #connect} started; nothing for threads. */
  @Override
  default void close() {}
}
