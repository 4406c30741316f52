package org.deepgrad.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepgrad.data.Samples;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.io.ModelCard;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.nn.Sequential;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.OutputConfig;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.Diagnosis;
import org.deepgrad.run.files.DiagnosisJson;
import org.deepgrad.run.files.HistoryLog;
import org.deepgrad.run.files.MetricsLog;
import org.deepgrad.run.files.MetricsRecorder;
import org.deepgrad.run.files.Outputs;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.run.report.RunReport;
import org.deepgrad.train.CheckpointException;
import org.deepgrad.train.CheckpointWriteException;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.StopReason;
import org.deepgrad.train.TrainListener;
import org.deepgrad.train.TrainResult;
import org.deepgrad.train.Trainer;

/**
 * Runs a {@link TrainConfig} into its output folder, as {@code deepgrad train} does: data, model,
 * optimizer and trainer ({@link RunSetup}); the folder gets {@code config.yaml} (the configuration, as
 * {@link ConfigPrinter} writes it), {@code metrics.jsonl}, {@code checkpoints/}, with
 * {@code output.diagnose} (the default) {@code diagnostics.jsonl} (every sampled step, as the run goes),
 * and at the end {@code diagnostics.json}, {@code model.safetensors} + {@code model.json}, and last
 * {@code report.html} + {@code charts/*.png} (also when the run stopped on a NaN; a report that fails is
 * only a warning). A file that cannot be written (a full disk, a read-only directory) is a
 * {@link RunException} naming it and the fix; the checkpoints before it stay intact. The folder is the
 * run's alone while it runs, and what may be written there (resume, overwrite, changed settings) is
 * {@link RunFolder}'s to decide. What the run tells as it goes goes to a {@link RunListener}.
 *
 * <pre>{@code
 * TrainConfig c = TrainConfig.mainJob().withTraining(t -> t.withEpochs(2)).withOutput(o -> o.withDir(Path.of("runs/two")));
 * Training.Outcome o = Training.run(c, RunListener.NONE);
 * o.test().accuracy();   // the saved model's test accuracy
 * }</pre>
 */
public final class Training {
  /** The fix for an output file that could not be written once training has started. */
  private static final String RESUME_FIX = "Fix the cause (free space on that disk, make the directory writable),"
      + " then run the same command with --resume: it goes on from the last checkpoint.";

  /**
   * How a run ended.
   *
   * @param dir the run's folder
   * @param result how training ended; null when the run had finished before ({@link #alreadyFinished})
   * @param test the saved model's metrics on the test split; null when the run had finished before
   * @param report the run's report.html; null when it could not be written (a warning said why)
   */
  public record Outcome(Path dir, TrainResult result, Metrics test, Path report) {
    /** Whether a resumed run had finished already, so nothing was done or written. */
    public boolean alreadyFinished() {
      return result == null;
    }
  }

  private Training() {}

  /**
   * Runs {@code c} as a new run (or a resumed one, with {@code output.resume}) with its own settings.
   *
   * @throws RunException for bad input, and when training stopped on a NaN or infinite value
   */
  public static Outcome run(TrainConfig c, RunListener listener) throws IOException {
    return run(c, RunFolder.Consent.NONE, listener);
  }

  /**
   * Runs {@code c} in its output folder as {@link RunFolder} allows with {@code consent}: the folder's
   * checks first, then the data and the {@link Preflight} checks, then the folder is taken for the run.
   * An unset output folder is {@code runs/YYYYMMDD-HHMMSS} at the time it starts.
   *
   * @throws RunException for bad input, and when training stopped on a NaN or infinite value
   */
  public static Outcome run(TrainConfig c, RunFolder.Consent consent, RunListener listener) throws IOException {
    return run(c, consent, listener, null);
  }

  /**
   * As {@link #run(TrainConfig, RunFolder.Consent, RunListener)}, but the training steps run on
   * {@code cluster}'s replicas, data-parallel; the folder gets the same files. What the cluster cannot
   * train (see {@link Cluster#check}) is refused before anything is written.
   *
   * @param cluster where the steps run; null: in this JVM
   * @throws RunException for bad input, and when training stopped on a NaN or infinite value
   */
  public static Outcome run(TrainConfig c, RunFolder.Consent consent, RunListener listener, Cluster cluster)
      throws IOException {
    c = c.validated().withOutputDirChosen(Clock.systemDefaultZone());
    if (RunFolder.check(c, consent).plan() == RunFolder.Plan.FINISHED) return finished(c.output().dir(), listener);
    RunSetup<?> r = RunSetup.build(c, RunSetup.data(c), s -> s);
    String plan = cluster == null ? null : cluster.check(r);
    try (RunFolder folder = RunFolder.open(c, consent)) {
      if (folder.decision().plan() == RunFolder.Plan.FINISHED) return finished(c.output().dir(), listener);
      try {
        return run(r, folder, listener, cluster, plan);
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
  private static Outcome finished(Path dir, RunListener listener) {
    listener.line("the run in " + dir + " has finished (its model is in " + dir.resolve(ModelFiles.CARD) + "): nothing "
        + "to resume, and nothing was written. To train it longer, resume it with more --epochs and --allow-changes.");
    return new Outcome(dir, null, null, null);
  }

  private static <S extends Samples<S>> Outcome run(RunSetup<S> r, RunFolder folder, RunListener listener,
      Cluster cluster, String plan) throws IOException {
    TrainConfig c = r.config();
    RunData<S> data = r.data();
    Sequential model = r.model();
    OutputConfig o = c.output();
    if (c.preset() != null) listener.line(c.preset().line());
    listener.line(data.description());
    listener.line(r.describe());
    String note = r.preflight().batching().note();
    if (note != null) listener.line("note: " + note);
    Trained trained = cluster == null ? trainHere(r, folder, listener)
        : ClusterRun.train(r, folder, listener, cluster, plan);
    TrainResult result = trained.result();
    folder.started();
    if (trained.diagnosisJson() != null) {
      Path file = o.dir().resolve(Diagnosis.FILE);
      byte[] json = trained.diagnosisJson().getBytes(StandardCharsets.UTF_8);
      Outputs.write(file.toString(), RESUME_FIX, () -> AtomicFiles.write(file, s -> s.write(json)));
      trained.diagnosisBrief().lines().forEach(listener::line);
      listener.line("details in " + file + " and the report");
    }
    if (result.stopReason() == StopReason.NON_FINITE) {
      report(o.dir(), listener);
      Path checkpoints = cluster == null ? o.dir().resolve(RunContents.CHECKPOINTS)
          : RunContents.replicaCheckpoints(o.dir(), 0);
      throw new RunException("training stopped: " + result.nonFinite().orElseThrow() + ". The run diverged, so "
          + "no model was saved; " + (RunContents.holdsCheckpoint(checkpoints) ? "the last good checkpoint is in " + checkpoints
          : "no checkpoint had been written yet") + ". Lower the learning rate (--lr), clip gradients "
          + "(--clip-norm 1), or choose --on-non-finite skip|backoff: with --resume --allow-changes to go on from "
          + "the last good checkpoint, or --overwrite to start again.");
    }
    if (trained.state() != null) model.loadStateDict(trained.state());
    Metrics test = data.objective().evaluate(model, data.test());
    Map<String, Object> info = info(c, result, test);
    info.putAll(trained.info());
    ModelCard card = new ModelCard(r.spec(), data.task(), data.classes(), data.preprocessing(), info);
    Outputs.write("the model (" + ModelFiles.WEIGHTS + ", " + ModelFiles.CARD + ") in " + o.dir(), RESUME_FIX,
        () -> ModelFiles.save(o.dir(), model, card));
    listener.line(result.toString());
    listener.line(summary(test) + " (" + data.test().size() + " test samples); model saved in " + o.dir());
    return new Outcome(o.dir(), result, test, report(o.dir(), listener));
  }

  /**
   * Trains {@code r} in this JVM: resumes its trainer when asked, opens {@code metrics.jsonl}, writes
   * {@code config.yaml}, records the diagnostics as the run goes ({@code diagnostics.jsonl}), and
   * returns how it ended with the diagnosis (the model is trained in place: no state to load).
   */
  private static <S extends Samples<S>> Trained trainHere(RunSetup<S> r, RunFolder folder,
      RunListener listener) throws IOException {
    TrainConfig c = r.config();
    Trainer<S> trainer = r.trainer();
    OutputConfig o = c.output();
    if (o.resume()) refuseReplicaCheckpoints(o.dir());
    String resumed = o.resume() ? resume(trainer, o.dir().resolve(RunContents.CHECKPOINTS), listener) : null;
    if (resumed != null) listener.line(resumed);
    // metrics.jsonl is a run's first file: a config.yaml that deepgrad wrote always has one beside it.
    MetricsRecorder metrics = MetricsRecorder.open(o.dir(), o.resume(), o.logEvery(), r.loader(), 1);
    DiagnosticsListener diagnostics = o.diagnose() ? r.diagnostics(o.diagnoseEvery()) : null;
    HistoryLog history;
    try {
      noteChanges(folder, metrics.log(), listener);
      writeConfig(c);
      listener.line("writing to " + o.dir());
      history = diagnostics == null ? null
          : new HistoryLog(o.dir(), o.resume(), diagnostics, o.diagnoseEvery(), listener::warning);
    } catch (IOException | RuntimeException e) {
      metrics.close();
      throw e;
    }
    if (diagnostics != null) trainer.addListener(diagnostics).addListener(history);
    RunOutput output = new RunOutput(listener, metrics, r.loader());
    trainer.addListener(output).addListener(new TrainListener() {
      @Override
      public void onStep(StepEvent e) {
        folder.started();
      }
    });
    TrainResult result;
    listener.onTrainingStart(c.training().epochs(), o.logEvery());
    try {
      result = train(trainer, output, o.dir());
    } finally {
      listener.onTrainingEnd();
      if (history != null) history.close();
    }
    if (diagnostics == null) return new Trained(result, null, null, null, -1, Map.of());
    Diagnosis d = Diagnosis.of(diagnostics, o.diagnoseEvery(), result);
    return new Trained(result, null, DiagnosisJson.text(d), brief(d), -1, Map.of());
  }

  /** {@code train}'s short form of a diagnosis ({@link Diagnosis#printBrief}), as text. */
  public static String brief(Diagnosis d) {
    StringWriter brief = new StringWriter();
    d.printBrief(new PrintWriter(brief));
    return brief.toString();
  }

  /** With {@code --resume --allow-changes}: the settings changed, printed and recorded in {@code log}. */
  static void noteChanges(RunFolder folder, MetricsLog log, RunListener listener) {
    List<String> changes = folder.decision().changes();
    if (changes.isEmpty()) return;
    listener.line("settings changed since the run started (--allow-changes): " + String.join("; ", changes));
    log.note("settings_changed", Map.of("changes", changes));
  }

  /** Writes {@code c} as the run's {@code config.yaml}. */
  static void writeConfig(TrainConfig c) throws IOException {
    Path config = c.output().dir().resolve(RunContents.CONFIG_FILE);
    Outputs.write(config.toString(), "Free space on that disk, or choose another directory with --out DIR.",
        () -> AtomicFiles.write(config, s -> s.write(ConfigPrinter.yaml(c).getBytes(StandardCharsets.UTF_8))));
  }

  /** A run trained on a cluster (its checkpoints per replica) is resumed on a cluster, not here. */
  private static void refuseReplicaCheckpoints(Path dir) throws IOException {
    List<Integer> replicas = RunContents.replicas(dir);
    if (replicas.isEmpty()) return;
    throw new RunException("--resume: the run in " + dir + " was trained on a cluster by " + replicas.size()
        + " replicas (its checkpoints are in " + RunContents.replicaCheckpoints(dir, 0).getParent() + "/replica-*); "
        + "resume it with --master and --replicas " + replicas.size() + ", or start afresh with --overwrite.");
  }

  /**
   * Writes the run's report ({@link RunReport}) last, after the model: a report that fails (a chart
   * library error, a full disk) is a warning, never a lost model or a failed run; null then.
   */
  private static Path report(Path dir, RunListener listener) {
    try {
      Path page = RunReport.write(dir);
      listener.line("report: " + page);
      return page;
    } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError e) {
      listener.warning("the report of " + dir + " could not be written (" + e + "); the run itself is complete."
          + " Rebuild it with: deepgrad report " + dir);
      return null;
    }
  }

  /**
   * Trains, then closes the output; a checkpoint or metrics-log write that fails (a full disk...) is
   * bad input naming the file, the cause and the fix.
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
      throw new RunException(e.getMessage() + ". " + RESUME_FIX, e);
    } catch (UncheckedIOException e) { // from the metrics log, which a listener writes
      throw new RunException("cannot write " + dir.resolve(MetricsLog.FILE) + " (" + e.getCause().getMessage()
          + "). " + RESUME_FIX, e);
    }
  }

  /**
   * Restores the newest checkpoint, warning about each damaged newer one passed over, or says that the
   * run starts afresh when none was written yet.
   */
  private static String resume(Trainer<?> trainer, Path checkpoints, RunListener listener) throws IOException {
    int stale = AtomicFiles.removeStaleTemps(checkpoints);
    if (stale > 0) listener.line("removed " + stale + " unfinished checkpoint file(s) of the interrupted run");
    try {
      var loaded = trainer.resume(checkpoints);
      for (String skipped : loaded.skipped()) listener.warning("passed over a damaged checkpoint: " + skipped);
      return "resumed from " + loaded.file();
    } catch (CheckpointException e) {
      if (e.kind() != CheckpointException.Kind.NONE_FOUND || RunContents.holdsCheckpoint(checkpoints)) throw e;
      return "no checkpoint in " + checkpoints + " yet: starting the run from the beginning";
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
    MetricsRecorder.put(m, "test_", test);
    m.forEach((k, v) -> info.put(k, Double.isFinite(v) ? v : String.valueOf(v)));
    info.put("created_by", "deepgrad " + Version.current());
    return info;
  }

  /** {@code test accuracy: 96.40% (loss 0.1234)}, or for regression {@code test mse: ... r2: ...}. */
  public static String summary(Metrics m) {
    if (m.accuracy().isPresent()) {
      return String.format(Locale.ROOT, "test accuracy: %.2f%% (loss %.4f)", 100 * m.accuracy().getAsDouble(),
          m.loss());
    }
    return String.format(Locale.ROOT, "test mse: %.6g, r2: %.4f", m.mse().orElse(m.loss()),
        m.r2().orElse(Double.NaN));
  }
}
