package org.deepgrad.spark;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.StateDict;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.ReplicaSync;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.TrainListener;

/**
 * Parameter averaging, as Deeplearning4j's {@code ParameterAveragingTrainingMaster}: a different
 * algorithm from gradient averaging. Each replica updates its own copy of the model with its own
 * batches' gradients; after every {@code every}-th update (and after the last) the replicas replace
 * their weights, batch-norm buffers and optimizer state (DL4J's {@code averageUpdaters}, on by
 * default) by the means over the replicas. Between two averages the copies drift apart, so the run
 * is not the single-process run at any batch size; with {@code every} = 1 and plain SGD it is
 * gradient averaging again (the mean of w − lr·g_r is w − lr·mean(g_r)).
 *
 * <p>The replicas still exchange their losses at every step (a message of a few bytes): they must
 * agree on which steps failed on a NaN, or they would count steps differently and never meet at the
 * next average.
 */
final class ParameterAveraging implements ReplicaSync, TrainListener {
  private final Collective collective;
  private final Module model;
  private final Optimizer optimizer;
  private final int every;

  ParameterAveraging(Module model, Optimizer optimizer, Collective collective, int every) {
    this.collective = collective;
    this.model = model;
    this.optimizer = optimizer;
    this.every = every;
  }

  @Override
  public double combine(long step, double loss) {
    return ReplicaMessage.meanLoss(ReplicaMessage.exchange(collective, new ReplicaMessage("loss", step, loss, "")));
  }

  @Override
  public double[][] gatherTallies(double[] sums) {
    return Tallies.gather(collective, sums);
  }

  @Override
  public void onStep(StepEvent event) {
    if (event.step() % every == 0) average(event.step());
  }

  /** After the run: the last average, unless the last update was followed by one already. */
  void finish(long steps) {
    if (steps % every != 0) average(steps);
  }

  /** Replaces weights, buffers and optimizer state by the replicas' means. */
  private void average(long step) {
    StateDict state = optimizer.stateDict();
    List<float[]> arrays = new ArrayList<>();
    for (Parameter p : model.namedParameters().values()) arrays.add(p.value().data());
    for (Tensor b : model.namedBuffers().values()) arrays.add(b.data());
    state.params().values().forEach(s -> arrays.addAll(s.buffers().values()));
    ReplicaMessage[] all = ReplicaMessage.exchange(collective,
        new ReplicaMessage("parameters", step, 0, Floats.encode(FlatState.pack(arrays))));
    FlatState.unpackMean(FlatState.payloads(all), arrays); // the state dict's arrays are its own copies
    optimizer.loadStateDict(state);
  }
}
