package org.deepgrad.run.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.StreamSupport;
import org.deepgrad.io.FolderLock;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.Locks;
import org.deepgrad.run.files.Outputs;

/**
 * A sweep: every combination of a grid's axes over a base configuration, each cell a normal training
 * run in {@code OUT/cells/ID/} with diagnostics on, up to {@code jobs} at a time; it writes
 * {@code results.csv}, {@code results.md} and {@code results.html} ({@link SweepReport}). Every cell's
 * configuration is built and checked before anything runs, so bad input fails at once. A rerun skips
 * the finished cells and runs the interrupted ones again; a directory holding results of other settings
 * is refused ({@link SweepState}). The sweep holds its directory's lock while it runs. See docs/sweeps.md.
 *
 * @param grid the grid: base, axes, target
 */
public record Sweep(Grid grid) {
  /**
   * How a sweep ended.
   *
   * @param cells the cells of the grid
   * @param results the results table, best first in {@link ResultsTable#ranked}
   * @param page results.html; null when it could not be written (a warning said why)
   * @param deleted the cells {@code force} deleted because they were run with other settings
   */
  public record Outcome(int cells, ResultsTable results, Path page, List<String> deleted) {
    /** Whether every cell that has a result ran to its end (a cell that diverged counts: status nan is a result). */
    public boolean noCellFailed() {
      return results.rows().stream().noneMatch(r -> r.status().equals(CellResult.ERROR));
    }
  }

  /**
   * A sweep a Java program builds: {@code base} changed by each axis's values in turn, each cell the
   * base with one value of every axis set (the first axis varies slowest).
   *
   * <pre>{@code
   * Sweep sweep = Sweep.of("depth-lr", base)
   *     .axis("depth", List.of(2, 5), (c, d) -> c.withModel(m -> m.withHidden(Collections.nCopies(d, 64))))
   *     .axis("lr", List.of(0.1, 0.01), (c, lr) -> c.withOptimizer(o -> o.withLr(lr)))
   *     .build();
   * sweep.run(Path.of("runs/depth-lr"), 1, 0, false, new PrintWriter(System.out, true)).page();  // results.html
   * }</pre>
   *
   * @param name the sweep's name, as its pages title it
   */
  public static Builder of(String name, TrainConfig base) {
    return new Builder(name, base);
  }

  /** Builds a {@link Sweep} in Java: its axes and an optional target. */
  public static final class Builder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name;
    private final TrainConfig base;
    private final List<Axis> axes = new ArrayList<>();
    private Target target;

    private Builder(String name, TrainConfig base) {
      this.name = name;
      this.base = base;
    }

    /**
     * An axis: its {@code name} (a column of the results and a part of each cell's id), its values in
     * order, and how a value changes a configuration.
     *
     * @throws IllegalArgumentException for an empty list, a repeated value or a repeated axis name
     */
    public <T> Builder axis(String name, List<T> values, BiFunction<TrainConfig, T, TrainConfig> set) {
      if (values.isEmpty()) throw new IllegalArgumentException("axis " + name + ": give at least one value");
      if (values.stream().distinct().count() < values.size()) {
        throw new IllegalArgumentException("axis " + name + ": " + values + " lists a value twice; list each once");
      }
      if (axes.stream().anyMatch(a -> a.name().equals(name))) {
        throw new IllegalArgumentException("two axes named " + name + "; give each its own name");
      }
      List<JsonNode> recorded = values.stream().map(Builder::recorded).toList();
      axes.add(new Axis(name, recorded, new Axis.Typed<>(List.copyOf(values), set)));
      return this;
    }

    /**
     * The target for the results' epochs_to_target column: {@code metric} (accuracy, loss, mse or r2)
     * reaching {@code value}.
     */
    public Builder target(String metric, double value) {
      if (!Target.METRICS.contains(metric)) {
        throw new IllegalArgumentException("target metric " + metric + ": must be one of " + Target.METRICS);
      }
      this.target = new Target(metric, value);
      return this;
    }

    /** The sweep; every cell's configuration is checked when it is planned or run. */
    public Sweep build() {
      if (axes.isEmpty()) throw new IllegalArgumentException("sweep " + name + ": give at least one axis");
      return new Sweep(new Grid(null, name, ConfigPrinter.tree(base), List.copyOf(axes), target, null, null, base));
    }

    /** A value as sweep.json records it: a JSON number, text, boolean or list; anything else as its text. */
    private static JsonNode recorded(Object v) {
      JsonNode n = JSON.valueToTree(v);
      boolean scalars = n.isValueNode() || n.isArray() && StreamSupport.stream(n.spliterator(), false)
          .allMatch(JsonNode::isValueNode);
      return scalars ? n : JsonNodeFactory.instance.textNode(String.valueOf(v));
    }
  }

  /** The sweep of the grid file {@code file} ({@link Grid#read}). */
  public static Sweep read(Path file) {
    return new Sweep(Grid.read(file));
  }

  /** The directory the grid names, else {@code runs/sweep-NAME} ({@code runs/NAME} when the name starts with sweep). */
  public Path defaultOutput() {
    return grid.output() != null ? grid.output()
        : Path.of("runs", grid.name().startsWith("sweep") ? grid.name() : "sweep-" + grid.name());
  }

  /** The cells in {@code out}, in grid order (the first axis slowest), every one's configuration built and checked; trains nothing. */
  public List<Cell> cells(Path out) {
    return Plan.of(grid, out, Clock.systemDefaultZone()).cells();
  }

  /**
   * Runs the cells of this sweep that have no result in {@code out} yet, printing a line per cell and
   * the table at the end on {@code console}.
   *
   * @param jobs cells trained at the same time, in this JVM (>= 1)
   * @param threads backend threads for the whole sweep; 0: the base's training.threads, else the
   *     processors divided by the jobs
   * @param force delete the cells of {@code out} that were run with other settings, and run them again
   */
  public Outcome run(Path out, int jobs, int threads, boolean force, PrintWriter console)
      throws IOException, InterruptedException {
    return run(out, CellExecutor.threads(jobs), threads, force, console);
  }

  /**
   * As {@link #run(Path, int, int, boolean, PrintWriter)}, the cells run by {@code cells} (a cluster's
   * tasks: {@link CellExecutor#connect}); {@code out} must then be a folder every machine reaches.
   *
   * @param threads backend threads of each cell; 0: the base's training.threads, else the executor's default
   */
  public Outcome run(Path out, CellExecutor cells, int threads, boolean force, PrintWriter console)
      throws IOException, InterruptedException {
    Plan plan = Plan.of(grid, out, Clock.systemDefaultZone());
    SweepState.checkOwn(out); // before the lock file goes in
    Outputs.createDirectory(out, "--out");
    try (FolderLock lock = Locks.hold(out, "deepgrad sweep")) {
      List<String> deleted = SweepState.check(out, plan, force);
      if (!deleted.isEmpty()) console.println("--force: deleted " + deleted.size() + " cell(s) run with other settings: " + deleted);
      int perJob = threads > 0 ? threads : plan.baseThreads();
      try {
        SweepState.write(out, grid, plan);
        SweepRun.Ended ended = SweepRun.run(grid, plan, out, cells, perJob, console);
        return new Outcome(plan.cells().size(), ended.table(), ended.page(), deleted);
      } catch (JsonProcessingException | NoSuchFileException | AccessDeniedException e) {
        throw e; // a damaged or missing file read, or a permission: reported as such
      } catch (IOException e) { // a write that failed: a full disk, a file size limit, a read-only file system
        throw new RunException("cannot write the sweep's files in " + out + " (" + e.getMessage() + "). Free space on "
            + "that disk or make the directory writable, then run the same command again: finished cells are kept.", e);
      }
    }
  }
}
