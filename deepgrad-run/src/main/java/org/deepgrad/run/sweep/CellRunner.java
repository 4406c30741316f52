package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.run.Progress;
import org.deepgrad.run.RunLog;
import org.deepgrad.run.Training;
import org.deepgrad.run.config.RunException;

/**
 * Runs one cell: writes {@code cell.json} (the id, the axis values, the configuration and its
 * hash, which a rerun compares), trains with {@link Training} exactly as {@code deepgrad train}
 * does, its log appended to {@code log.txt}, then writes {@code result.json} ({@link CellResult}).
 * An exception ends the cell, not the sweep: it becomes the result's status and message.
 *
 * <p>A cell that runs again (interrupted, failed, or its result deleted) starts from the beginning,
 * its directory emptied first, rather than resuming from its last checkpoint: the diagnostics
 * sample the run from its first step (the INIT_MISMATCH check is before it), so a resumed cell
 * would report a gradient ratio and findings that depend on where the interruption fell.
 */
public final class CellRunner {
  public static final String CELL_FILE = "cell.json";
  public static final String LOG = "log.txt";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CellRunner() {}

  /**
   * Runs {@code cell} on the calling thread, in this JVM (a cluster's task calls it on an executor);
   * throws only when its own files cannot be written.
   */
  public static CellResult run(Cell cell) throws IOException {
    boolean again = Files.isDirectory(cell.dir());
    if (again) SweepState.delete(cell.dir());
    Files.createDirectories(cell.dir());
    ObjectNode n = JSON.createObjectNode().put("id", cell.id()).put("hash", cell.hash());
    cell.values().forEach(n.putObject("axes")::put);
    n.set("config", cell.canonical());
    byte[] text = (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(cell.dir().resolve(CELL_FILE), s -> s.write(text));
    long start = System.nanoTime();
    Exception error = null;
    try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(cell.dir().resolve(LOG), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
      log.println("deepgrad sweep: cell " + cell.id() + (again ? " (again, from the beginning)" : ""));
      try {
        Training.run(cell.config(), new RunLog(log, log, Progress.Mode.LINES));
      } catch (Exception e) { // the cell's failure is its result; the other cells go on
        error = e;
        log.println("error: " + CellResult.describe(e));
        if (!(e instanceof RunException)) e.printStackTrace(log);
      }
    }
    CellResult result = CellResult.of(cell, error, (System.nanoTime() - start) / 1e9);
    result.write(cell.dir());
    return result;
  }

  /**
   * Records the result of {@code cell} when it could not be run to its end by {@link #run} (a cluster's
   * task lost on every attempt): status error with {@code error}'s message, in its {@code result.json}.
   */
  public static CellResult recordFailure(Cell cell, Throwable error, double seconds) throws IOException {
    Files.createDirectories(cell.dir());
    CellResult result = CellResult.of(cell, error, seconds);
    result.write(cell.dir());
    return result;
  }

  /** The hash in {@code dir}'s {@code cell.json}, or null when the cell never started. */
  static String hash(Path dir) throws IOException {
    Path file = dir.resolve(CELL_FILE);
    return Files.isRegularFile(file) ? JSON.readTree(file.toFile()).path("hash").asText(null) : null;
  }

  /** The configuration tree in {@code dir}'s {@code cell.json}. */
  static ObjectNode config(Path dir) throws IOException {
    return JSON.readTree(dir.resolve(CELL_FILE).toFile()).path("config") instanceof ObjectNode o ? o
        : JSON.createObjectNode();
  }
}
