package org.deepgrad.run.reproduce;

import org.deepgrad.diagnostics.History;
import org.deepgrad.diagnostics.Recorder;
import org.deepgrad.nn.Module;
import org.deepgrad.train.NonFinite;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.TrainListener;

/**
 * Samples per-layer statistics ({@link Recorder}) at update 1 and every {@code every} updates after:
 * unlike {@link org.deepgrad.train.DiagnosticsListener}, which samples multiples of its period, it
 * sees the initial weights, where Glorot &amp; Bengio and He et al. measure. The recorder counts from
 * 0, so a recorded step s is the trainer's update s + 1 (its gradients are those of the weights
 * before that update). Only reads tensors: the run is bit-identical with and without it.
 */
final class LayerProbe implements TrainListener {
  private final Recorder recorder;

  /** Build before training (after any pre-training): the recorder takes the weights as they are now. */
  LayerProbe(Module model, int every) {
    this.recorder = new Recorder(model, every);
  }

  @Override
  public void beforeStep(long step) {
    recorder.beforeForward(step - 1);
  }

  @Override
  public void afterBackward(long step, Module model) {
    recorder.afterBackward();
  }

  @Override
  public void onStep(StepEvent event) {
    recorder.afterStep(event.loss(), event.lr());
  }

  @Override
  public void onNonFinite(NonFinite event, double loss, double lr) {
    recorder.afterBackward();
    recorder.afterStep(loss, lr);
  }

  /** What was recorded, steps counted from 0. */
  History history() {
    return recorder.history();
  }
}
