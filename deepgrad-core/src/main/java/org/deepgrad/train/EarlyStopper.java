package org.deepgrad.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.nn.Module;
import org.deepgrad.tensor.Tensor;

/**
 * Watches the validation loss after each epoch: the best so far (an improvement is
 * {@code loss < best − minDelta}), the epochs since, and with restore-best a copy of the best
 * weights. Without {@link EarlyStopping} it only tracks the best, with minDelta 0, and never stops.
 */
final class EarlyStopper {
  private final EarlyStopping rule;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestEpoch = -1;
  private int badEpochs;
  private Map<String, Tensor> bestModel = Map.of();

  /** @param rule null for tracking only */
  EarlyStopper(EarlyStopping rule) {
    this.rule = rule;
  }

  /** Records epoch {@code epoch}'s validation loss; returns whether the run should stop. */
  boolean update(double loss, int epoch, Module model) {
    if (loss < bestLoss - (rule == null ? 0 : rule.minDelta())) {
      bestLoss = loss;
      bestEpoch = epoch;
      badEpochs = 0;
      if (rule != null && rule.restoreBest()) bestModel = copy(model.stateDict());
      return false;
    }
    badEpochs++;
    return rule != null && badEpochs >= rule.patience();
  }

  /** Loads the best weights into {@code model} when restore-best is on and a best exists. */
  void restoreBest(Module model) {
    if (!bestModel.isEmpty()) model.loadStateDict(bestModel);
  }

  double bestLoss() {
    return bestLoss;
  }

  int bestEpoch() {
    return bestEpoch;
  }

  int badEpochs() {
    return badEpochs;
  }

  Map<String, Tensor> bestModel() {
    return bestModel;
  }

  /** Takes over a checkpoint's state. */
  void restore(double loss, int epoch, int bad, Map<String, Tensor> best) {
    bestLoss = loss;
    bestEpoch = epoch;
    badEpochs = bad;
    bestModel = copy(best);
  }

  private static Map<String, Tensor> copy(Map<String, Tensor> state) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    state.forEach((k, t) -> out.put(k, Tensor.of(t.data().clone(), t.shape())));
    return out;
  }
}
