package org.deepgrad.train;

/**
 * What the {@link Trainer} does when a batch's loss, or a gradient after {@code backward()}, is NaN
 * or infinite. The check runs before the update, so the weights stay those of the last good step.
 */
public enum NonFinitePolicy {
  /** Stop the run and report the step and what was non-finite (the loss, or which parameter's gradient). The default. */
  STOP,
  /** Drop the batch without an update, count it, and go on. */
  SKIP,
  /**
   * Drop the batch and halve the learning rate (of every group, on top of any schedule), at most
   * {@link TrainerSettings#maxBackoffs()} times; the next non-finite batch after that stops the run.
   * It helps when gradients overflow at finite weights; weights already non-finite stay so.
   */
  BACKOFF
}
