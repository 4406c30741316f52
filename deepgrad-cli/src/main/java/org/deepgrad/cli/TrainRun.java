package org.deepgrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepgrad.cli.report.HistoryLog;
import org.deepgrad.cli.report.RunReport;
import org.deepgrad.data.Samples;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.io.ModelCard;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.nn.Sequential;
import org.deepgrad.train.CheckpointException;
import org.deepgrad.train.CheckpointWriteException;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.StopReason;
import org.deepgrad.train.TrainListener;
import org.deepgrad.train.Trainer;
import org.deepgrad.train.TrainResult;

/**
 * One {@code deepgrad train} run: data, model, optimizer and trainer from a {@link TrainConfig};
 * the run directory gets {@code config.yaml} (the resolved configuration), {@code metrics.jsonl},
 * {@code checkpoints/}, with {@code output.diagnose} (the default) {@code diagnostics.jsonl} (every
 * sampled step, as the run goes), and at the end {@code diagnostics.json} (whose findings are listed),
 * {@code model.safetensors} + {@code model.json}, and last {@code report.html} + {@code charts/*.png}
 * (also when the run stopped on a NaN; a report that fails is only a warning). A file that cannot be
 * written (a full disk, a read-only directory) is bad input, exit code 2, with a message naming it and
 * the fix; the checkpoints before it stay intact. The folder is the run's alone while it runs, and
 * what may be written there ({@code --resume}, {@code --overwrite}, {@code --allow-changes}) is
 * {@link RunFolder}'s to decide.
 */
public final class TrainRun {
  static final String CONFIG_FILE = "config.yaml";
  static final String CHECKPOINTS = "checkpoints";
  /** The fix for an output file that could not be written once training has started. */
  private static final String RESUME_FIX = "Fix the cause (free space on that disk, make the directory writable),"
      + " then run the same command with --resume: it goes on from the last checkpoint.";

  private TrainRun() {}

  /**
   * Runs {@code c}, printing the log to {@code out} and warnings to {@code err}; returns the exit code.
   * Public for {@code deepgrad sweep}, whose cells are runs of this (in folders the sweep empties).
   *
   * @throws UsageException for bad input, and when training stopped on a NaN or infinite value
   */
  public static int run(TrainConfig c, PrintWriter out, PrintWriter err) throws IOException {
    return run(c, RunFolder.Consent.NONE, out, err);
  }

  /**
   * Runs {@code c} in its output folder as {@link RunFolder} allows with {@code consent}: the folder's
   * checks first, then the data and the {@link Preflight} checks, then the folder is taken for the run.
   */
  static int run(TrainConfig c, RunFolder.Consent consent, PrintWriter out, PrintWriter err) throws IOException {
    if (RunFolder.check(c, consent).plan() == RunFolder.Plan.FINISHED) return finished(c.output().dir(), out);
    RunSetup<?> r = RunSetup.build(c, RunSetup.data(c), s -> s);
    try (RunFolder folder = RunFolder.open(c, consent)) {
      if (folder.decision().plan() == RunFolder.Plan.FINISHED) return finished(c.output().dir(), out);
      try {
        return run(r, folder, out, err);
      } catch (IOException | RuntimeException | Error e) {
        try {
          folder.abandon();
        } catch (IOException again) {
          e.addSuppressed(again);
        }
        throw e;
      }
    }
  }

  /** A finished run resumed with its own settings: nothing to do, nothing written. */
  private static int finished(Path dir, PrintWriter out) {
    out.println("the run in " + dir + " has finished (its model is in " + dir.resolve(ModelFiles.CARD) + "): nothing to "
        + "resume, and nothing was written. To train it longer, resume it with more --epochs and --allow-changes.");
    out.flush();
    return Failures.OK;
  }

  private static <S extends Samples<S>> int run(RunSetup<S> r, RunFolder folder, PrintWriter out, PrintWriter err)
      throws IOException {
    TrainConfig c = r.config();
    RunData<S> data = r.data();
    Sequential model = r.model();
    Trainer<S> trainer = r.trainer();
    TrainingConfig t = c.training();
    OutputConfig o = c.output();
    if (c.preset() != null) out.println(c.preset().line());
    out.println(data.description());
    out.println(r.describe());
    String note = r.preflight().batching().note();
    if (note != null) out.println("note: " + note);
    String resumed = o.resume() ? resume(trainer, o.dir().resolve(CHECKPOINTS), err) : null;
    if (resumed != null) out.println(resumed);
    // metrics.jsonl is a run's first file: a config.yaml that deepgrad wrote always has one beside it.
    MetricsLog metrics = MetricsLog.open(o.dir(), o.resume(), o.logEvery());
    DiagnosticsListener diagnostics = o.diagnose() ? r.diagnostics(o.diagnoseEvery()) : null;
    HistoryLog history;
    try {
      List<String> changes = folder.decision().changes();
      if (!changes.isEmpty()) {
        out.println("settings changed since the run started (--allow-changes): " + String.join("; ", changes));
        metrics.note("settings_changed", Map.of("changes", changes));
      }
      Path config = o.dir().resolve(CONFIG_FILE);
      Outputs.write(config.toString(), "Free space on that disk, or choose another directory with --out DIR.",
          () -> AtomicFiles.write(config, s -> s.write(ConfigPrinter.yaml(c).getBytes(StandardCharsets.UTF_8))));
      out.println("writing to " + o.dir());
      out.flush();
      history = diagnostics == null ? null : new HistoryLog(o.dir(), o.resume(), diagnostics, o.diagnoseEvery(), err);
    } catch (IOException | RuntimeException e) {
      metrics.close();
      throw e;
    }
    if (diagnostics != null) trainer.addListener(diagnostics).addListener(history);
    RunOutput output = new RunOutput(Progress.forConsole(out, o.progress(), t.epochs(), o.logEvery()), metrics,
        r.loader(), err);
    trainer.addListener(output).addListener(new TrainListener() {
      @Override
      public void onStep(StepEvent e) {
        folder.started();
      }
    });
    TrainResult result;
    try {
      result = train(trainer, output, o.dir());
    } finally {
      if (history != null) history.close();
    }
    folder.started();
    if (diagnostics != null) {
      Diagnosis d = Diagnosis.of(diagnostics, o.diagnoseEvery(), result);
      Path file = o.dir().resolve(Diagnosis.FILE);
      Outputs.write(file.toString(), RESUME_FIX, () -> AtomicFiles.write(file, s -> DiagnosisJson.write(d, s)));
      d.printBrief(out);
      out.println("details in " + file + " and the report");
      out.flush();
    }
    if (result.stopReason() == StopReason.NON_FINITE) {
      report(o.dir(), out, err);
      Path checkpoints = o.dir().resolve(CHECKPOINTS);
      throw new UsageException("training stopped: " + result.nonFinite().orElseThrow() + ". The run diverged, so "
          + "no model was saved; " + (hasFiles(checkpoints) ? "the last good checkpoint is in " + checkpoints
          : "no checkpoint had been written yet") + ". Lower the learning rate (--lr), clip gradients "
          + "(--clip-norm 1), or choose --on-non-finite skip|backoff: with --resume --allow-changes to go on from "
          + "the last good checkpoint, or --overwrite to start again.");
    }
    Metrics test = data.objective().evaluate(model, data.test());
    ModelCard card = new ModelCard(r.spec(), data.task(), data.classes(), data.preprocessing(), info(c, result, test));
    Outputs.write("the model (" + ModelFiles.WEIGHTS + ", " + ModelFiles.CARD + ") in " + o.dir(), RESUME_FIX,
        () -> ModelFiles.save(o.dir(), model, card));
    out.println(result);
    out.println(summary(test) + " (" + data.test().size() + " test samples); model saved in " + o.dir());
    out.flush();
    report(o.dir(), out, err);
    return Failures.OK;
  }

  /**
   * Writes the run's report ({@link RunReport}) last, after the model: a report that fails (a chart
   * library error, a full disk) is a warning on {@code err}, never a lost model or a failed run.
   */
  private static void report(Path dir, PrintWriter out, PrintWriter err) {
    try {
      out.println("report: " + RunReport.write(dir));
    } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError e) {
      err.println("warning: the report of " + dir + " could not be written (" + e + "); the run itself is complete."
          + " Rebuild it with: deepgrad report " + dir);
    }
    out.flush();
    err.flush();
  }

  /**
   * Trains, then closes the output; a checkpoint or metrics-log write that fails (a full disk...) is
   * bad input naming the file, the cause and the fix, as in {@link #write}.
   */
  private static TrainResult train(Trainer<?> trainer, RunOutput output, Path dir) throws IOException {
    try {
      TrainResult result;
      try {
        result = trainer.fit();
      } catch (Throwable e) {
        try {
          output.close();
        } catch (UncheckedIOException again) { // the metrics log on the same full disk: keep the first failure
          e.addSuppressed(again);
        }
        throw e;
      }
      output.close();
      return result;
    } catch (CheckpointWriteException e) {
      throw new UsageException(e.getMessage() + ". " + RESUME_FIX, e);
    } catch (UncheckedIOException e) { // from the metrics log, which a listener writes
      throw new UsageException("cannot write " + dir.resolve(MetricsLog.FILE) + " (" + e.getCause().getMessage()
          + "). " + RESUME_FIX, e);
    }
  }

  /**
   * Restores the newest checkpoint, warning on {@code err} about each damaged newer one passed over
   * (no listener is attached yet), or says that the run starts afresh when none was written yet.
   */
  private static String resume(Trainer<?> trainer, Path checkpoints, PrintWriter err) throws IOException {
    int stale = AtomicFiles.removeStaleTemps(checkpoints);
    if (stale > 0) err.println("removed " + stale + " unfinished checkpoint file(s) of the interrupted run");
    try {
      var loaded = trainer.resume(checkpoints);
      for (String skipped : loaded.skipped()) err.println("warning: passed over a damaged checkpoint: " + skipped);
      err.flush();
      return "resumed from " + loaded.file();
    } catch (CheckpointException e) {
      if (e.kind() != CheckpointException.Kind.NONE_FOUND || hasFiles(checkpoints)) throw e;
      return "no checkpoint in " + checkpoints + " yet: starting the run from the beginning";
    }
  }

  private static boolean hasFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return false;
    try (var files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".safetensors"));
    }
  }

  /**
   * What model.json records about the run: numbers as numbers (a non-finite test metric as its text,
   * which JSON has no number for), the rest as text; the safetensors metadata gets them all as text.
   */
  private static Map<String, Object> info(TrainConfig c, TrainResult r, Metrics test) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("dataset", c.data().dataset() + (c.data().path() == null ? "" : ":" + c.data().path()));
    info.put("seed", c.training().seed());
    info.put("steps", r.steps());
    info.put("epochs", r.epochs());
    info.put("stop_reason", r.stopReason().name());
    Map<String, Double> m = new LinkedHashMap<>();
    RunOutput.put(m, "test_", test);
    m.forEach((k, v) -> info.put(k, Double.isFinite(v) ? v : String.valueOf(v)));
    info.put("created_by", "deepgrad " + VersionProvider.version());
    return info;
  }


  /** {@code test accuracy: 96.40% (loss 0.1234)}, or for regression {@code test mse: ... r2: ...}. */
  static String summary(Metrics m) {
    if (m.accuracy().isPresent()) {
      return String.format(Locale.ROOT, "test accuracy: %.2f%% (loss %.4f)", 100 * m.accuracy().getAsDouble(),
          m.loss());
    }
    return String.format(Locale.ROOT, "test mse: %.6g, r2: %.4f", m.mse().orElse(m.loss()),
        m.r2().orElse(Double.NaN));
  }
}
