package org.deepgrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepgrad.run.sweep.Cell;
import org.deepgrad.run.sweep.CellExecutor;
import org.deepgrad.run.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad sweep GRID.yaml}: trains every combination of the grid's axes over a base config
 * ({@link Sweep}), each a normal training run in {@code OUT/cells/ID/} with diagnostics on, up to
 * {@code --jobs} at a time; writes {@code results.csv} and {@code results.md}. Every cell's
 * configuration is built before anything runs, so bad input fails at once with exit code 2. A rerun
 * skips the finished cells and resumes interrupted ones; a directory holding results of other
 * settings is refused. The sweep holds its directory's lock while it runs: a
 * second sweep (or {@code report}) into it is refused. Exit code 1 when some cell ended in an error (a
 * cell that diverged, status nan, is a result, not an error). With {@code --master} each cell is a Spark
 * task ({@link CellExecutor#connect}). See docs/sweeps.md.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train every combination of a grid's axes (depth, activation, lr, ...) and compare them.")
public final class SweepCommand implements Callable<Integer> {
  /** Exit code when some cell ended in an error. */
  static final int CELL_FAILED = 1;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GRID", description = "The grid file (YAML): base, axes, target, output, name.")
  Path grid;

  @Option(names = "--jobs", paramLabel = "N", description = "Cells trained at the same time, in this JVM (default 1; "
      + "with --master, as many as the cluster has cores).")
  Integer jobs;

  @Option(names = {"--out", "--output"}, paramLabel = "DIR", description = "The sweep's directory (default: the grid's "
      + "output, else runs/sweep-NAME, NAME the grid file's name; runs/NAME when that starts with sweep). --output is "
      + "the same, as train's --out is.")
  Path output;

  @Option(names = "--threads", paramLabel = "N", description = "Backend threads for the whole sweep (default: the "
      + "base's training.threads, else the processors divided by the jobs).")
  Integer threads;

  @Option(names = "--force", description = "Delete the cells of OUT that were run with other settings and run them again.")
  boolean force;

  @Option(names = "--dry-run", description = "Check the grid and every cell's configuration, list the cells, train nothing.")
  boolean dryRun;

  @Option(names = "--master", paramLabel = "URL", description = "Run each cell as a task on Apache Spark: local[N] (N "
      + "at a time in this JVM), local[N,F] (each tried up to F times), or spark://HOST:PORT (a standalone cluster; "
      + "each task is tried up to spark.task.maxFailures = 4 times; OUT must be a folder every machine reaches at the "
      + "same path). A cell that fails every attempt is reported as an error. See docs/spark.md.")
  String master;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (jobs != null && jobs < 1) throw new ParameterException(spec.commandLine(), "--jobs " + jobs + ": must be >= 1.");
    if (jobs != null && master != null) {
      throw new ParameterException(spec.commandLine(), "--jobs applies to a sweep in this JVM; with --master each cell is "
          + "a Spark task, as many at a time as the master offers cores: leave --jobs out.");
    }
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads " + threads + ": must be >= 1.");
    }
    Sweep sweep = Sweep.read(grid);
    Path out = output != null ? output : sweep.defaultOutput();
    PrintWriter console = spec.commandLine().getOut();
    if (dryRun) {
      List<String> ids = sweep.cells(out).stream().map(Cell::id).toList();
      console.println("sweep " + sweep.grid().name() + ": " + ids.size() + " cells, all configurations valid; would "
          + "write to " + out);
      ids.forEach(id -> console.println("  " + id));
      console.flush();
      return 0;
    }
    if (master == null) {
      return sweep.run(out, jobs == null ? 1 : jobs, threads == null ? 0 : threads, force, console).noCellFailed() ? 0
          : CELL_FAILED;
    }
    sweep.cells(out); // every cell's configuration checked before Spark starts
    try (CellExecutor cells = CellExecutor.connect(master)) {
      return sweep.run(out.toAbsolutePath(), cells, threads == null ? 0 : threads, force, console).noCellFailed() ? 0
          : CELL_FAILED;
    }
  }
}
