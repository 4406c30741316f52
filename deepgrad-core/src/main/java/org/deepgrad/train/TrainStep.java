package org.deepgrad.train;

import java.util.List;
import java.util.Map;
import org.deepgrad.data.Samples;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.clip.Clip;
import org.deepgrad.tensor.Tensor;

/**
 * One update on one batch: listeners' beforeStep, zero the gradients, forward, loss (+ L2 penalty), check it is finite,
 * backward, check every gradient is finite (and take the global norm), listeners' afterBackward,
 * clip by norm then by value, optimizer step (which applies its constraints). A non-finite value
 * returns before the update, leaving weights and optimizer state untouched.
 */
final class TrainStep<S extends Samples<S>> {
  /**
   * What happened: the batch's output and data loss; the pre-clip gradient norm; null, or what was
   * non-finite, in which case nothing was updated.
   */
  record Outcome(Tensor output, double loss, double gradNorm, String nonFinite) {}

  private final Module model;
  private final Objective<S> objective;
  private final Optimizer optimizer;
  private final TrainerSettings settings;
  private final List<TrainListener> listeners;
  private final Map<String, Parameter> params;
  private final List<Tensor> weights;

  TrainStep(Module model, Objective<S> objective, Optimizer optimizer, TrainerSettings settings,
      List<TrainListener> listeners) {
    this.model = model;
    this.objective = objective;
    this.optimizer = optimizer;
    this.settings = settings;
    this.listeners = listeners;
    this.params = model.namedParameters();
    this.weights = params.values().stream().filter(p -> p.role() == Parameter.Role.WEIGHT).map(Parameter::value).toList();
  }

  /** Runs update number {@code step} (from 1) on {@code batch}; the model must be in training mode. */
  Outcome run(S batch, long step) {
    for (TrainListener l : listeners) l.beforeStep(step);
    model.zeroGrad();
    Tensor output = model.forward(batch.features());
    Tensor loss = objective.loss(output, batch);
    Tensor total = settings.l2() > 0 ? loss.add(Loss.l2Penalty(weights, settings.l2())) : loss;
    if (!Float.isFinite(total.item())) return new Outcome(output, loss.item(), Double.NaN, "loss");
    total.backward();
    double sq = 0;
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      Tensor g = e.getValue().grad();
      if (g == null) continue;
      for (float v : g.data()) {
        if (!Float.isFinite(v)) return new Outcome(output, loss.item(), Double.NaN, "gradient of " + e.getKey());
        sq += (double) v * v;
      }
    }
    for (TrainListener l : listeners) l.afterBackward(step, model);
    if (settings.clipNorm() > 0) Clip.byGlobalNorm(params, settings.clipNorm());
    if (settings.clipValue() > 0) Clip.byValue(params, settings.clipValue());
    optimizer.step();
    return new Outcome(output, loss.item(), Math.sqrt(sq), null);
  }
}
