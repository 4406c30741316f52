package org.deepgrad.optim.schedule;

/**
 * What one step of a {@link Schedule} is. torch leaves this to where the loop calls
 * {@code scheduler.step()}: after every batch or after every epoch.
 */
public enum StepUnit {
  /** The schedule advances after every batch: schedule step = global batch step (0-based). */
  BATCH,
  /** The schedule advances after every epoch: every batch of epoch e (0-based) uses step e. */
  EPOCH
}
