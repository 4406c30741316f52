package org.deepgrad.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.apache.spark.TaskContext;
import org.deepgrad.backend.Backends;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.sweep.Cell;
import org.deepgrad.run.sweep.CellResult;
import org.deepgrad.run.sweep.CellRunner;

/**
 * One sweep cell as a Spark task carries it: its place, id and axis values, its folder, its
 * configuration as {@code config.yaml}'s text (with absolute paths: the executor's working directory is
 * not the driver's) and its canonical form and hash, which the driver computed and a rerun compares.
 * {@link #run} rebuilds the {@link Cell} on the executor and runs it as a local sweep does
 * ({@link CellRunner#run}).
 */
record CellTask(int index, String id, LinkedHashMap<String, String> values, String dir, String yaml, String canonical,
    String hash) implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  static CellTask of(Cell c) {
    return new CellTask(c.index(), c.id(), new LinkedHashMap<>(c.values()), c.dir().toAbsolutePath().toString(),
        ConfigPrinter.yaml(c.config().withAbsolutePaths()), c.canonical().toString(), c.hash());
  }

  /**
   * Runs the cell with {@code threads} backend threads (0: as they are). A cell that ends in an error
   * fails its task while Spark has attempts left ({@code attempts} in all), so that Spark runs it again
   * (on another executor, if one was at fault); on the last attempt its error is its result.
   *
   * @return the cell's status
   */
  String run(int threads, int attempts) throws IOException {
    if (threads > 0) Backends.current().setThreads(threads);
    Cell cell = new Cell(index, id, values, Path.of(dir), TrainConfig.fromYaml(yaml), (ObjectNode) JSON.readTree(canonical),
        hash);
    CellResult r = CellRunner.run(cell);
    TaskContext task = TaskContext.get();
    if (!r.finished() && task != null && task.attemptNumber() + 1 < attempts) {
      throw new AttemptFailed("cell " + id + " ended in an error on attempt " + (task.attemptNumber() + 1) + " of "
          + attempts + " (" + r.message() + "); Spark runs it again");
    }
    return r.status();
  }

  /**
   * A cell's error that makes Spark try the cell again. Its message says it all (the cause is in the
   * cell's log.txt), so it carries no stack trace for Spark to log.
   */
  static final class AttemptFailed extends RuntimeException {
    AttemptFailed(String message) {
      super(message, null, false, false);
    }
  }
}
