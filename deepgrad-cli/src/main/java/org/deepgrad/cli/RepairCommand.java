package org.deepgrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.deepgrad.run.Progress;
import org.deepgrad.run.RunListener;
import org.deepgrad.run.RunLog;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.repair.Repair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad repair [CONFIG] [flags]}: the remedies of the run's findings tried on the run itself
 * for a short budget each, ranked, and the best combined over rounds ({@link Repair}); prints a table
 * per round and the verdict (or {@code --json}), writes {@code OUT/repaired.yaml}, {@code repair.json}
 * and {@code repair.html}, and with {@code --apply} trains the repaired run in full into
 * {@code OUT/applied}. The config file's {@code output} section and the output flags other than
 * {@code --out} are ignored, as {@code diagnose} ignores them; {@code --resume} is refused.
 */
@Command(name = "repair", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
    description = {"Try the remedies of a run's findings on the run itself: probe it as 'diagnose' does, train each "
        + "remedy as a change of the run for a short equal budget on the same data, seed and sample order, rank them "
        + "(fewer findings, then validation accuracy, then training loss), combine the best over rounds, and write "
        + "the best configuration as OUT/repaired.yaml with a report, OUT/repair.html (see docs/repair.md).",
        "Takes train's flags; of the output ones only --out DIR counts (a new or empty folder, default "
        + "runs/repair-YYYYMMDD-HHMMSS), --resume is refused, the others are ignored."},
    footer = {"", "Exit codes: 0 success (also when nothing needs or takes a repair: the verdict says so), 2 bad "
        + "usage or input, 1 internal error."})
final class RepairCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "A YAML config file (as for train).")
  Path config;

  @Option(names = "--budget", paramLabel = "STEPS", description = "Optimizer steps of every run tried (default 100; "
      + "fewer when the run itself is shorter).")
  int budget = Repair.Settings.defaults().budget();

  @Option(names = "--jobs", paramLabel = "N", description = "Runs trained at the same time, in this JVM (default 1); "
      + "each gets the processors divided by N unless --threads is given.")
  int jobs = Repair.Settings.defaults().jobs();

  @Option(names = "--rounds", paramLabel = "N", description = "Rounds at most (default 3): while the best run has "
      + "findings left, the next round tries it with each of their remedies.")
  int rounds = Repair.Settings.defaults().rounds();

  @Option(names = "--apply", description = "Then train the repaired run in full, with its own settings, into "
      + "OUT/applied.")
  boolean apply;

  @Option(names = "--json", description = "Print one JSON object (the same as OUT/repair.json) instead of the tables; "
      + "progress goes to stderr.")
  boolean json;

  @Mixin
  TrainOptions options = new TrainOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (Boolean.TRUE.equals(options.resume)) {
      throw new UsageException("--resume: repair trains fresh runs of the configuration and writes only into its own "
          + "--out folder; to continue a run, use 'train --resume'.");
    }
    Repair.Settings settings = new Repair.Settings(budget, jobs, rounds);
    TrainConfig c = TrainConfig.loadWithoutOutput(config, options.settings(), Clock.systemDefaultZone());
    Path dir = options.out != null ? Path.of(options.out)
        : Path.of("runs", "repair-" + LocalDateTime.now(Clock.systemDefaultZone())
            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter progress = json ? err : out;
    RunListener log = new RunListener() {
      @Override
      public void line(String text) {
        progress.println(text);
        progress.flush();
      }
    };
    if (!json) {
      if (c.preset() != null) out.println(c.preset().line());
      out.println("repair: writing to " + dir);
      out.flush();
    }
    Repair r = Repair.run(c, settings, dir, log);
    if (json) {
      out.print(r.json());
    } else {
      out.println();
      r.print(out);
      out.println("report: " + dir.resolve(Repair.PAGE));
    }
    out.flush();
    if (apply) {
      if (r.repaired().isEmpty()) {
        err.println("--apply: no remedy helped, so nothing was trained.");
        err.flush();
      } else {
        PrintWriter to = json ? err : out;
        to.println("--apply: training " + dir.resolve(Repair.REPAIRED) + " in full into " + dir.resolve(Repair.APPLIED));
        to.flush();
        boolean bar = !json && Terminal.interactive();
        r.apply(new RunLog(to, err, bar ? Progress.Mode.BAR : Progress.Mode.LINES));
      }
    }
    return Failures.OK;
  }
}
