package org.deepgrad.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad}: the command line. Exit codes: 0 success, 2 bad usage or bad input (one
 * paragraph on stderr), 1 internal error; see {@link Failures}. {@code diagnose --fail-on} adds 3
 * ({@link DiagnoseCommand#FOUND}). A standard output that could not be written (a full disk, not a
 * reader that stopped early) turns success into 2 ({@link StandardOutput}).
 */
@Command(name = "deepgrad", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, DiagnoseCommand.class,
        RepairCommand.class, BenchCommand.class, SweepCommand.class, ReportCommand.class, ReproduceCommand.class},
    description = "Train deep networks and see why they do or do not learn.",
    footer = {"", "Run 'deepgrad COMMAND --help' for a command's options. Exit codes: 0 success, 2 bad usage or "
        + "input, 1 internal error; diagnose --fail-on: 3 when a named finding is present."})
public final class Main implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Read by {@link Failures} from the parse result, wherever on the command line it was given. */
  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
  boolean verbose;

  /** Runs the command line {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    StandardOutput stdout = new StandardOutput();
    PrintWriter err = new PrintWriter(System.err, true);
    int code = execute(stdout.writer(), err, args);
    String problem = stdout.problem();
    if (problem != null) {
      err.println("deepgrad: " + problem);
      err.flush();
      if (code == Failures.OK) code = Failures.BAD_INPUT;
    }
    System.exit(code);
  }

  /**
   * Runs {@code args} in this JVM with {@code out} and {@code err} as the output streams.
   *
   * @return the exit code: 0 success, 2 bad usage or input, 1 internal error
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    Failures failures = new Failures();
    CommandLine cmd = new CommandLine(new Main()).setOut(out).setErr(err)
        .setExecutionExceptionHandler(failures).setParameterExceptionHandler(failures);
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** {@code deepgrad} without a command is a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command: give one of train, evaluate, predict, diagnose, "
        + "bench, sweep, report, reproduce, e.g. 'deepgrad train'");
  }
}
