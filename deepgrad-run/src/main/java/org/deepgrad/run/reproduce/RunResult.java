package org.deepgrad.run.reproduce;

import java.util.List;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.History;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.diagnostics.StepStats;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.TrainResult;

/**
 * What one run measured.
 *
 * @param plan the run
 * @param model the model's one-line description
 * @param result how training ended
 * @param seconds wall time of training (data loading and the final evaluation not included)
 * @param steps per update {step, loss, accuracy} ({@link Curves#steps})
 * @param evals the test evaluations along the run
 * @param history the per-layer samples, steps counted from 0 ({@link org.deepgrad.train.DiagnosticsListener#fromFirstUpdate})
 * @param findings the diagnostics' verdicts on the run
 * @param test the test metrics at the end
 */
record RunResult(RunPlan plan, String model, TrainResult result, double seconds, List<double[]> steps,
    List<Curves.Eval> evals, History history, List<Finding> findings, Metrics test) {

  /** The mean batch loss over updates (from, to], clamped to the run; NaN when empty. */
  double meanLoss(long from, long to) {
    return Stats.mean(steps.stream().filter(s -> s[0] > from && s[0] <= to).mapToDouble(s -> s[1]).toArray());
  }

  /** The mean batch loss of the last {@code window} updates up to update {@code step}. */
  double lossAt(long step, long window) {
    return meanLoss(step - window, step);
  }

  /** Updates taken. */
  long totalSteps() {
    return steps.size();
  }

  /** Test accuracy at the end (NaN for regression). */
  double testAccuracy() {
    return test.accuracy().orElse(Double.NaN);
  }

  /** The sampled steps that have per-layer statistics. */
  List<StepStats> samples() {
    return history.sampled();
  }

  /** The first sample (at the initial weights). */
  StepStats first() {
    return samples().get(0);
  }

  /** The layers at the first sample whose activation is not the identity: the hidden layers. */
  List<LayerStats> hidden(StepStats s) {
    return s.layers().stream().filter(l -> l.activationKind() != org.deepgrad.nn.Activation.Kind.IDENTITY).toList();
  }
}
