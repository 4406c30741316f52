package org.deepgrad.train;

/** Why {@link Trainer#fit()} returned. */
public enum StopReason {
  /** Every epoch of {@link TrainerSettings#epochs()} ran. */
  COMPLETED,
  /** {@link TrainerSettings#maxSteps()} updates were taken, possibly mid-epoch. */
  MAX_STEPS,
  /** The validation loss stopped improving ({@link EarlyStopping}). */
  EARLY_STOPPING,
  /** A loss or gradient was NaN or infinite and the {@link NonFinitePolicy} gave up. */
  NON_FINITE
}
