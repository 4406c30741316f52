package org.deepgrad.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.deepgrad.run.config.TrainConfig;
import picocli.CommandLine;

/** Runs the command line in this JVM and captures what it prints. */
public final class Cli {
  /** 2025-01-02 03:04:05 UTC, so the default output directory is runs/20250102-030405. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

  private Cli() {}

  /** The exit code and the text on stdout and stderr. */
  public record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs {@code deepgrad args...} through {@link Main#execute}. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The configuration {@code train [file] flags...} resolves to. */
  static TrainConfig config(Path file, String... flags) {
    TrainCommand cmd = new TrainCommand();
    new CommandLine(cmd).parseArgs(flags);
    return TrainConfig.load(file, cmd.options.settings(), CLOCK);
  }
}
