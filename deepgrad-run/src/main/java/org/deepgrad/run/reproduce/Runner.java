package org.deepgrad.run.reproduce;

import org.deepgrad.run.RunData;
import org.deepgrad.run.RunSetup;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.Outputs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepgrad.data.Samples;
import org.deepgrad.diagnostics.Verdicts;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.train.LayerwisePretraining;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.TrainResult;
import org.deepgrad.train.TrainerSettings;

/**
 * Runs the plans of an experiment the way {@code deepgrad train} runs a config: each plan's config is
 * written to {@code OUT/configs/NAME.yaml}, loaded with {@link TrainConfig#load} and built with
 * {@link RunSetup} (same data splits, model, optimizer, schedule), without checkpoints or model files.
 * A {@link LayerProbe} samples per-layer statistics about {@value #SAMPLES} times per run, the first
 * time at the initial weights; {@link Curves} keeps every update's loss and the test evaluations.
 * Data sets are loaded once per runner.
 */
final class Runner {
  /** About how many times per run the per-layer statistics are sampled. */
  static final int SAMPLES = 40;

  private final Path out;
  private final Map<String, Object> data;
  private final Map<String, Object> training;
  private final PrintWriter log;
  private final Map<List<Object>, RunData<?>> loaded = new HashMap<>();

  /**
   * @param out the experiment's output directory
   * @param data keys of the data section that replace those of every mnist-10k run (full mode: the
   *     full data set), empty for none
   * @param training keys of the training section set in every run (e.g. threads), empty for none
   * @param log where one line per run goes
   */
  Runner(Path out, Map<String, Object> data, Map<String, Object> training, PrintWriter log) {
    this.out = out;
    this.data = Map.copyOf(data);
    this.training = Map.copyOf(training);
    this.log = log;
  }

  /** The plan's config as {@code deepgrad train} would resolve it, written to {@code OUT/configs/NAME.yaml}. */
  TrainConfig config(RunPlan plan) throws IOException {
    ConfigTree t = plan.config();
    String dataset = t.get("data.dataset");
    if (dataset == null || dataset.equals("mnist-10k")) {
      for (Map.Entry<String, Object> e : data.entrySet()) t = t.set("data." + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Object> e : training.entrySet()) t = t.set("training." + e.getKey(), e.getValue());
    Path file = out.resolve("configs").resolve(plan.name() + ".yaml");
    Files.createDirectories(file.getParent());
    byte[] text = ConfigTree.YAML.writeValueAsBytes(t.tree());
    Outputs.write(file.toString(), "Free space on that disk or make the directory writable, then run the reproduction "
        + "again.", () -> AtomicFiles.write(file, s -> s.write(text)));
    return TrainConfig.load(file, List.of(), Clock.systemDefaultZone());
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
    LayerProbe probe = new LayerProbe(s.model(), (int) Math.max(1, total / SAMPLES));
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
