package org.deepgrad.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.deepgrad.data.DataFormatException;
import org.deepgrad.data.IdxFormatException;
import org.deepgrad.io.ModelFileException;
import org.deepgrad.run.config.RunException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that turns failures into exit codes and messages. Bad usage and bad input (a
 * {@link UsageException} or a {@link RunException}, a flag picocli rejects, a malformed data or model file, a missing file,
 * an {@link IllegalArgumentException} from core's validation) exit with {@link #BAD_INPUT} and one
 * paragraph on stderr, as do the output files {@code train} cannot write (a full disk, a read-only
 * directory: the run names the file); anything else exits with {@link #INTERNAL}: another
 * I/O failure with its message, any other exception as a bug, with its class.
 * {@code --verbose} adds the stack trace to either.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** Exit code of a successful run. */
  static final int OK = 0;
  /** Exit code of an internal error (a bug). */
  static final int INTERNAL = 1;
  /** Exit code of bad usage or bad input. */
  static final int BAD_INPUT = 2;

  /** The exit code for {@code t}: {@link #BAD_INPUT} for problems the user can fix, else {@link #INTERNAL}. */
  static int exitCode(Throwable t) {
    return t instanceof UsageException || t instanceof RunException || t instanceof ParameterException || t instanceof IllegalArgumentException
        || t instanceof IdxFormatException || t instanceof DataFormatException || t instanceof ModelFileException
        || t instanceof FileNotFoundException || t instanceof NoSuchFileException || t instanceof AccessDeniedException
        ? BAD_INPUT : INTERNAL;
  }

  /** The one-paragraph message for {@code t}. */
  static String message(Throwable t) {
    String m = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
    if (t instanceof NoSuchFileException) return "file not found: " + m;
    if (t instanceof AccessDeniedException) return "permission denied: " + m;
    if (exitCode(t) == BAD_INPUT) return m;
    if (t instanceof IOException || t instanceof UncheckedIOException) {
      return "I/O error: " + m + ". Run with --verbose for the stack trace.";
    }
    return "internal error: " + t.getClass().getName() + (m.isEmpty() ? "" : ": " + m)
        + ". Run with --verbose for the stack trace, and please report it.";
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    report(ex, cmd, verbose(parsed));
    return exitCode(ex);
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    report(ex, cmd, java.util.Arrays.asList(args).contains("--verbose"));
    if (ex instanceof UnmatchedArgumentException u) u.printSuggestions(cmd.getErr());
    cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
    return BAD_INPUT;
  }

  private static void report(Throwable t, CommandLine cmd, boolean verbose) {
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + message(t));
    if (verbose) t.printStackTrace(err);
    err.flush();
  }

  /** Whether {@code --verbose} was given to the command or any subcommand. */
  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) return true;
    }
    return false;
  }
}
