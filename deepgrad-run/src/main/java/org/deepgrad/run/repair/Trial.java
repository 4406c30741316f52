package org.deepgrad.run.repair;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.data.Samples;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.History;
import org.deepgrad.diagnostics.Measure;
import org.deepgrad.run.DataLoading;
import org.deepgrad.run.RunData;
import org.deepgrad.run.RunSetup;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.Diagnosis;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.TrainListener;
import org.deepgrad.train.TrainResult;

/**
 * One run trained for a short budget and diagnosed, as {@code deepgrad diagnose --steps STEPS --every
 * EVERY} would: the run's own data, model, optimizer, schedule and loader ({@link RunSetup}), so every
 * trial of a repair sees the same samples in the same order from the same seed; no checkpoints, no
 * files. At the end of the budget the model is evaluated on the validation split (which chooses) and on
 * the test split (which is only reported).
 *
 * @param config the run as trained (validation split included)
 * @param diagnosis the diagnostics over the budget; null when the run failed
 * @param history what the diagnostics recorded; null when the run failed
 * @param losses the training loss of every step, in order
 * @param validation the validation metrics at the end; null when the run failed
 * @param test the test metrics at the end; null when the run failed
 * @param seconds the wall-clock time, data loading included
 * @param error why the run failed (bad input, an error while training), else null
 */
record Trial(TrainConfig config, Diagnosis diagnosis, History history, double[] losses, Metrics validation, Metrics test,
    double seconds, String error) {

  /** Trains {@code config} for at most {@code steps} updates, sampling diagnostics every {@code every}. */
  static Trial run(TrainConfig config, long steps, int every) {
    long start = System.nanoTime();
    try {
      return run(config, DataLoading.load(config.data(), config.training().seed()), steps, every, start);
    } catch (Exception e) { // the candidate fails, not the repair: its message is its result
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s*\\R\\s*", " ");
      return new Trial(config, null, null, new double[0], null, null, (System.nanoTime() - start) / 1e9, m);
    }
  }

  private static <S extends Samples<S>> Trial run(TrainConfig config, RunData<S> data, long steps, int every,
      long start) throws Exception {
    RunSetup<S> run = RunSetup.build(config, data, s -> s.withCheckpoints(null, 0, 0, s.keepCheckpoints())
        .withMaxSteps(steps));
    DiagnosticsListener diagnostics = run.diagnostics(every);
    List<Double> losses = new ArrayList<>();
    TrainResult result = run.trainer().addListener(diagnostics).addListener(new TrainListener() {
      @Override
      public void onStep(StepEvent e) {
        losses.add(e.loss());
      }
    }).fit();
    Metrics validation = data.objective().evaluate(run.model(), data.validation());
    Metrics test = data.objective().evaluate(run.model(), data.test());
    return new Trial(config, Diagnosis.of(diagnostics, every, result), diagnostics.history(), losses.stream().mapToDouble(d -> d).toArray(),
        validation, test, (System.nanoTime() - start) / 1e9, null);
  }

  /** Whether the run failed. */
  boolean failed() {
    return error != null;
  }

  /** The findings, causes first; none when the run failed. */
  List<Finding> findings() {
    return failed() ? List.of() : diagnosis.findings();
  }

  /** The kinds of the findings, in order. */
  List<Finding.Kind> kinds() {
    return findings().stream().map(Finding::kind).toList();
  }

  /** The measure of {@code kind} ({@link Measure}); NaN when the run failed. */
  double measure(Finding.Kind kind) {
    return failed() ? Double.NaN : Measure.of(kind).value(history);
  }

  /**
   * The training loss at the end of the budget: the mean of the last tenth of the steps' losses (at
   * least one), which smooths the batches' noise; NaN when no step was taken.
   */
  double trainLoss() {
    int n = Math.max(1, losses.length / 10);
    if (losses.length == 0) return Double.NaN;
    double sum = 0;
    for (int i = losses.length - n; i < losses.length; i++) sum += losses[i];
    return sum / n;
  }

  /** The validation accuracy; NaN for regression or a failed run. */
  double valAccuracy() {
    return validation == null ? Double.NaN : validation.accuracy().orElse(Double.NaN);
  }

  /** The validation loss; NaN for a failed run. */
  double valLoss() {
    return validation == null ? Double.NaN : validation.loss();
  }
}
