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
 * returns before the update, leaving weights, optimizer state and batch-norm statistics as they were
 * (the generators of dropout advance as for any step), after a {@link PostMortem} that finds where the
 * first non-finite value arose.
 */
final class TrainStep<S extends Samples<S>> {
  /**
   * What happened: the batch's output and data loss; the pre-clip gradient norm; null, or what was
   * non-finite, in which case nothing was updated, and where it first arose ({@link NonFinite#where()}).
   */
  record Outcome(Tensor output, double loss, double gradNorm, String nonFinite, String where) {}

  private final Module model;
  private final Objective<S> objective;
  private final Optimizer optimizer;
  private final TrainerSettings settings;
  private final List<TrainListener> listeners;
  private final Map<String, Parameter> params;
  private final List<Tensor> weights;
  private final ForwardState forwardState;

  TrainStep(Module model, Objective<S> objective, Optimizer optimizer, TrainerSettings settings,
      List<TrainListener> listeners) {
    this.model = model;
    this.objective = objective;
    this.optimizer = optimizer;
    this.settings = settings;
    this.listeners = listeners;
    this.params = model.namedParameters();
    this.weights = params.values().stream().filter(p -> p.role() == Parameter.Role.WEIGHT).map(Parameter::value).toList();
    this.forwardState = new ForwardState(model);
  }

  /** Runs update number {@code step} (from 1) on {@code batch}; the model must be in training mode. */
  Outcome run(S batch, long step) {
    for (TrainListener l : listeners) l.beforeStep(step);
    model.zeroGrad();
    forwardState.save();
    Tensor output = model.forward(batch.features());
    Tensor loss = objective.loss(output, batch);
    Tensor total = total(loss);
    if (!Float.isFinite(total.item())) return failed(batch, output, loss, "loss", false);
    total.backward();
    double sq = 0;
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      Tensor g = e.getValue().grad();
      if (g == null) continue;
      for (float v : g.data()) {
        if (!Float.isFinite(v)) return failed(batch, output, loss, "gradient of " + e.getKey(), true);
        sq += (double) v * v;
      }
    }
    for (TrainListener l : listeners) l.afterBackward(step, model);
    if (settings.clipNorm() > 0) Clip.byGlobalNorm(params, settings.clipNorm());
    if (settings.clipValue() > 0) Clip.byValue(params, settings.clipValue());
    optimizer.step();
    return new Outcome(output, loss.item(), Math.sqrt(sq), null, null);
  }

  private Tensor total(Tensor loss) {
    return settings.l2() > 0 ? loss.add(Loss.l2Penalty(weights, settings.l2())) : loss;
  }

  /**
   * The outcome of a step that found {@code what} non-finite: the buffers go back to their values
   * before the step, and a {@link PostMortem} replays it from the same generator states (same masks)
   * to find where the value arose. The replay draws what the step drew, so the generators end where
   * the step left them and the next batches draw what they would have drawn.
   */
  private Outcome failed(S batch, Tensor output, Tensor loss, String what, boolean backward) {
    forwardState.rewindGenerators();
    String where = locate(batch, backward);
    forwardState.restoreBuffers(); // the replay moved them too (training mode uses batch statistics, not these)
    return new Outcome(output, loss.item(), Double.NaN, what, where);
  }

  private String locate(S batch, boolean backward) {
    PostMortem pm = new PostMortem(model);
    Tensor output = pm.forward(batch.features());
    if (pm.forwardFault() != null) return pm.forwardFault();
    Tensor loss = objective.loss(output, batch);
    if (!Float.isFinite(loss.item())) return "forward pass, the loss (the model's outputs are finite)";
    Tensor total = total(loss);
    if (!Float.isFinite(total.item())) return "forward pass, the L2 penalty (the loss itself is finite)";
    String where = backward ? pm.backward(total) : null;
    return where != null ? where : "not located: a second pass over the batch gave finite values";
  }
}
