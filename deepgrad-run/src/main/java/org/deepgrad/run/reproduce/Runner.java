package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepgrad.data.Samples;
import org.deepgrad.diagnostics.Verdicts;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.run.RunData;
import org.deepgrad.run.RunSetup;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.DataConfig;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.Outputs;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.LayerwisePretraining;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.TrainResult;
import org.deepgrad.train.TrainerSettings;

/**
 * Runs the plans of an experiment the way {@code deepgrad train} runs a config: each plan's
 * configuration is checked ({@link TrainConfig#validated}), written to {@code OUT/configs/NAME.yaml}
 * and built with {@link RunSetup} (same data splits, model, optimizer, schedule), without checkpoints
 * or model files. {@link DiagnosticsListener#fromFirstUpdate} samples per-layer statistics about
 * {@value #SAMPLES} times per run, the first time at the initial weights; {@link Curves} keeps every
 * update's loss and the test evaluations. Data sets are loaded once per runner.
 */
final class Runner {
  /** About how many times per run the per-layer statistics are sampled. */
  static final int SAMPLES = 40;

  private final Path out;
  private final DataConfig fullData;
  private final int threads;
  private final PrintWriter log;
  private final Map<List<Object>, RunData<?>> loaded = new HashMap<>();

  /**
   * @param out the experiment's output directory
   * @param fullData the data set of every mnist-10k run in full mode (its split and preprocessing kept);
   *     null for none
   * @param threads the backend threads of every run
   * @param log where one line per run goes
   */
  Runner(Path out, DataConfig fullData, int threads, PrintWriter log) {
    this.out = out;
    this.fullData = fullData;
    this.threads = threads;
    this.log = log;
  }

  /** The plan's config as {@code deepgrad train} would resolve it, written to {@code OUT/configs/NAME.yaml}. */
  TrainConfig config(RunPlan plan) throws IOException {
    TrainConfig c = plan.config().withTraining(t -> t.withThreads(threads));
    if (fullData != null && c.data().dataset().equals("mnist-10k")) {
      c = c.withData(d -> fullData.withValidation(d.validation()).withStandardize(d.standardize()));
    }
    TrainConfig checked = c.validated();
    Path file = out.resolve("configs").resolve(plan.name() + ".yaml");
    Files.createDirectories(file.getParent());
    byte[] text = ConfigPrinter.yaml(checked).getBytes(StandardCharsets.UTF_8);
    Outputs.write(file.toString(), "Free space on that disk or make the directory writable, then run the reproduction "
        + "again.", () -> AtomicFiles.write(file, s -> s.write(text)));
    return checked;
  }

  /** The run's objects, built but not trained. */
  RunSetup<?> setup(RunPlan plan) throws IOException {
    TrainConfig c = config(plan);
    return RunSetup.build(c, data(c), Runner::noCheckpoints);
  }

  /** Trains {@code plan} and measures it. */
  RunResult run(RunPlan plan) throws IOException {
    TrainConfig c = config(plan);
    return run(plan, c, data(c));
  }

  private <S extends Samples<S>> RunResult run(RunPlan plan, TrainConfig c, RunData<S> d) throws IOException {
    RunSetup<S> s = RunSetup.build(c, d, Runner::noCheckpoints);
    long start = System.nanoTime();
    if (plan.pretrain()) {
      LayerwisePretraining.pretrain(s.model(), d.train().features(), LayerwisePretraining.Settings.defaults());
    }
    long total = plannedSteps(s.settings(), s.loader().batchesPerEpoch());
    DiagnosticsListener probe = DiagnosticsListener.fromFirstUpdate(s.model(), (int) Math.max(1, total / SAMPLES),
        s.settings());
    Curves curves = new Curves(step -> d.objective().evaluate(s.model(), d.test()),
        plan.evals() > 0 ? Math.max(1, total / plan.evals()) : 0);
    TrainResult r = s.trainer().addListener(probe).addListener(curves).fit();
    double seconds = (System.nanoTime() - start) / 1e9;
    Metrics test = d.objective().evaluate(s.model(), d.test());
    RunResult result = new RunResult(plan, s.spec().describe(), r, seconds, curves.steps(), curves.evals(),
        probe.history(), Verdicts.judge(probe.history()), test);
    log.printf(Locale.ROOT, "  %-28s %5d steps %6.1f s  train loss %s  test %s%n", plan.name(), r.steps(), seconds,
        Stats.num(result.lossAt(r.steps(), Math.max(1, r.steps() / 10))), test.accuracy().isPresent()
            ? "accuracy " + Stats.pct(test.accuracy().getAsDouble()) : "loss " + Stats.num(test.loss()));
    log.flush();
    return result;
  }

  /** The updates the run will take: epochs × batches, capped by max_steps. */
  static long plannedSteps(TrainerSettings s, int batchesPerEpoch) {
    long steps = (long) s.epochs() * batchesPerEpoch;
    return s.maxSteps() > 0 ? Math.min(steps, s.maxSteps()) : steps;
  }

  private RunData<?> data(TrainConfig c) throws IOException {
    List<Object> key = List.of(c.data(), c.training().seed());
    RunData<?> d = loaded.get(key);
    if (d == null) {
      d = RunSetup.data(c);
      loaded.put(key, d);
    }
    return d;
  }

  private static TrainerSettings noCheckpoints(TrainerSettings s) {
    return s.withCheckpoints(null, 0, 0, s.keepCheckpoints());
  }
}
