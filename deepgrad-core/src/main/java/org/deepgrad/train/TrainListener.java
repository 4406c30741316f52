package org.deepgrad.train;

import java.nio.file.Path;
import org.deepgrad.nn.Module;

/**
 * Hooks into a {@link Trainer}'s loop, every method a no-op by default: progress output, metric
 * logs and gradient diagnostics implement the ones they need. Steps count the optimizer updates
 * of the whole run from 1; epochs count from 0. Called on the training thread, in the order the
 * listeners were added; an exception thrown here ends {@link Trainer#fit()}.
 */
public interface TrainListener {

  /** Before the first batch; a resumed run starts at its checkpoint's epoch and step (0, 0 otherwise). */
  default void onStart(int epoch, long step) {}

  /**
   * Before update {@code step}'s gradients are zeroed and its forward pass runs: diagnostics arm their
   * hooks here. A batch skipped for a non-finite value is tried again under the same number.
   */
  default void beforeStep(long step) {}

  /**
   * After {@code backward()} of update {@code step}: the gradients are present, finite, and not yet
   * clipped; the weights are those the batch was computed with. Diagnostics read them here; a
   * listener must not change them (the step's gradient norm, which clipping uses, is already summed).
   */
  default void afterBackward(long step, Module model) {}

  /** After each optimizer update. */
  default void onStep(StepEvent event) {}

  /**
   * A batch whose loss or gradient was NaN or infinite, before the non-finite policy acts; nothing was
   * updated. The gradients are as backward left them, or zero when the loss was not finite (backward
   * did not run).
   *
   * @param loss the batch's data loss (without the L2 penalty)
   * @param lr the learning rate the update would have had (of the first parameter group)
   */
  default void onNonFinite(NonFinite event, double loss, double lr) {}

  /** After each epoch, validation included. */
  default void onEpoch(EpochEvent event) {}

  /** After a checkpoint file was written durably. */
  default void onCheckpoint(Path file) {}

  /**
   * Something went wrong but the run goes on: a non-finite batch skipped, the learning rate backed
   * off, a damaged checkpoint passed over on resume.
   */
  default void onWarning(String message) {}

  /** When the run ends, for any reason but an exception. */
  default void onEnd(TrainResult result) {}
}
