package org.deepgrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.deepgrad.data.Samples;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.run.RunSetup;
import org.deepgrad.run.config.Suggest;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.Diagnosis;
import org.deepgrad.run.files.DiagnosisJson;
import org.deepgrad.run.files.Outputs;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.TrainResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad diagnose [CONFIG] [flags]}: builds data, model and optimizer exactly as
 * {@code train} would ({@link RunSetup}), trains the first {@code --steps} updates of that run
 * sampling every {@code --every}-th, and prints the per-layer table and the findings ({@link Diagnosis}).
 * Nothing is written unless {@code --out DIR} is given ({@code DIR/diagnostics.json}). The config
 * file's {@code output} section and the output flags other than {@code --out} are ignored, so a run's
 * {@code config.yaml} or a train command line can be probed as they are; {@code --resume} is refused.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
    description = {"Probe a model's gradient flow: train the first steps of the run 'train' would start, sampling "
        + "per-layer statistics, then print the inputs' statistics, a per-layer table and the findings, causes "
        + "first, with remedies the run does not already apply (see docs/diagnostics.md).",
        "Takes train's flags; of the output ones only --out DIR counts (it writes DIR/diagnostics.json), --resume is "
        + "refused, the others are ignored."},
    footer = {"", "Exit codes: 0 success, 3 a finding named by --fail-on is present, 2 bad usage or input, "
        + "1 internal error."})
final class DiagnoseCommand implements Callable<Integer> {
  /** Exit code when a finding named by {@code --fail-on} is present. */
  static final int FOUND = 3;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "A YAML config file (as for train).")
  Path config;

  @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps of the probe (default 50; fewer when "
      + "the run itself is shorter).")
  int steps = 50;

  @Option(names = "--every", paramLabel = "K", description = "Sample every K-th step (default 5).")
  int every = 5;

  @Option(names = "--json", description = "Print one JSON object (run, layers, findings) instead of text.")
  boolean json;

  @Option(names = "--fail-on", paramLabel = "KINDS", description = "Exit with code 3 when a finding of one of these "
      + "comma-separated kinds is present: input_nan_or_inf, input_scale, constant_features, vanishing, exploding, "
      + "saturated, dead_units, nan_or_inf, lr_too_high, lr_too_low, stalled, init_mismatch.")
  String failOn;

  @Mixin
  TrainOptions options = new TrainOptions();

  @Override
  public Integer call() throws IOException {
    if (steps < 1) throw new UsageException("--steps " + steps + ": must be >= 1, e.g. 50.");
    if (every < 1) throw new UsageException("--every " + every + ": must be >= 1 (1 samples every step), e.g. 5.");
    Set<Finding.Kind> kinds = failOn == null ? Set.of() : kinds(failOn);
    if (Boolean.TRUE.equals(options.resume)) {
      throw new UsageException("--resume: diagnose always probes a freshly built model and writes no run; "
          + "use 'train --resume --diagnose' to diagnose the rest of a run.");
    }
    TrainConfig c = TrainConfig.loadWithoutOutput(config, options.settings(), Clock.systemDefaultZone());
    Path dir = options.out == null ? null : Path.of(options.out);
    if (dir != null && RunContents.holdsRun(dir)) {
      throw new UsageException("--out " + dir + " holds a 'deepgrad train' run, whose " + Diagnosis.FILE + " the probe "
          + "would replace; choose another directory for the probe's file.");
    }
    long limit = c.training().maxSteps() > 0 ? Math.min(steps, c.training().maxSteps()) : steps;
    RunSetup<?> run = RunSetup.build(c, RunSetup.data(c), s -> s.withCheckpoints(null, 0, 0, s.keepCheckpoints())
        .withMaxSteps(limit));
    long planned = Math.min(limit, (long) c.training().epochs() * run.loader().batchesPerEpoch());
    if (every > planned) {
      throw new UsageException("--every " + every + ": the probe takes " + planned + " steps (--steps " + steps
          + (planned < steps ? ", fewer in this run" : "") + "), so no step would be sampled; give --every at most "
          + planned + ", or more --steps.");
    }
    PrintWriter out = spec.commandLine().getOut();
    Diagnosis d = probe(run, out);
    if (json) out.print(DiagnosisJson.text(d));
    else d.print(out);
    if (dir != null) {
      Outputs.createDirectory(dir, "--out");
      Path file = dir.resolve(Diagnosis.FILE);
      Outputs.write(file.toString(), "Free space on that disk, or choose another directory with --out DIR.",
          () -> AtomicFiles.write(file, s -> DiagnosisJson.write(d, s)));
      if (!json) out.println("diagnostics written to " + file);
    }
    out.flush();
    List<Finding.Kind> found = d.present(kinds);
    if (found.isEmpty()) return Failures.OK;
    PrintWriter err = spec.commandLine().getErr();
    err.println("diagnose: found " + found.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList()
        + ", named by --fail-on: exit code " + FOUND);
    err.flush();
    return FOUND;
  }

  private <S extends Samples<S>> Diagnosis probe(RunSetup<S> run, PrintWriter out) throws IOException {
    if (!json) {
      if (run.config().preset() != null) out.println(run.config().preset().line());
      out.println(run.data().description());
      out.println(run.describe());
      String note = run.preflight().batching().note();
      if (note != null) out.println("note: " + note);
      out.println("probe: the first " + run.settings().maxSteps() + " steps of this run, sampling every " + every
          + (options.out == null ? "; no files written" : "; writing only " + Path.of(options.out).resolve(Diagnosis.FILE)));
      out.flush();
    }
    DiagnosticsListener diagnostics = run.diagnostics(every);
    TrainResult result = run.trainer().addListener(diagnostics).fit();
    return Diagnosis.of(diagnostics, every, result);
  }

  /** The kinds named in {@code spec}: comma-separated, case-insensitive. */
  static Set<Finding.Kind> kinds(String spec) {
    Set<Finding.Kind> out = EnumSet.noneOf(Finding.Kind.class);
    List<String> allowed = Arrays.stream(Finding.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
    for (String part : spec.split(",", -1)) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (!allowed.contains(name)) {
        throw new UsageException("--fail-on " + spec + ": " + (name.isEmpty() ? "an empty kind name"
            : "unknown finding kind `" + part.trim() + "`") + Suggest.didYouMean(name, allowed) + "; allowed kinds: "
            + String.join(", ", allowed) + " (comma-separated, any case).");
      }
      out.add(Finding.Kind.valueOf(name.toUpperCase(Locale.ROOT)));
    }
    return out;
  }
}
