package org.deepgrad.run.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.TrainListener;

/**
 * The training curve of a run: every update's batch loss and accuracy (training mode, before the
 * update, as {@link StepEvent} gives them), and the test metrics every {@code evalEvery} updates.
 */
final class Curves implements TrainListener {
  /** A test evaluation after update {@code step}. */
  record Eval(long step, Metrics metrics) {}

  private final LongFunction<Metrics> evaluate;
  private final long evalEvery;
  private final List<double[]> steps = new ArrayList<>();
  private final List<Eval> evals = new ArrayList<>();

  /**
   * @param evaluate the test metrics of the model now (given the step, for logging)
   * @param evalEvery updates between two test evaluations; 0 for none
   */
  Curves(LongFunction<Metrics> evaluate, long evalEvery) {
    this.evaluate = evaluate;
    this.evalEvery = evalEvery;
  }

  @Override
  public void onStep(StepEvent e) {
    steps.add(new double[] {e.step(), e.loss(), e.accuracy().orElse(Double.NaN)});
    if (evalEvery > 0 && e.step() % evalEvery == 0) evals.add(new Eval(e.step(), evaluate.apply(e.step())));
  }

  /** Per update, in order: {step, loss, accuracy (NaN for regression)}. */
  List<double[]> steps() {
    return List.copyOf(steps);
  }

  /** The test evaluations during the run, in step order. */
  List<Eval> evals() {
    return List.copyOf(evals);
  }
}
