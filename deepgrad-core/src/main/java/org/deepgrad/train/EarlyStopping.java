package org.deepgrad.train;

/**
 * Stop when the validation loss stops improving, as Keras' {@code EarlyStopping(monitor="val_loss")}:
 * an epoch improves when {@code loss < best − minDelta}; after {@code patience} epochs in a row
 * without improvement the run stops.
 *
 * @param patience epochs without improvement before stopping, at least 1 (Keras' 0 acts as 1)
 * @param minDelta the least decrease that counts as an improvement, finite and &gt;= 0 (default 0)
 * @param restoreBest at the end of the run, load the weights of the best epoch (default false); the
 *     final checkpoint still holds the last weights, so a resumed run continues the same line
 */
public record EarlyStopping(int patience, double minDelta, boolean restoreBest) {

  /** Validates the ranges above. */
  public EarlyStopping {
    if (patience < 1) {
      throw new IllegalArgumentException("early stopping patience = " + patience + "; it must be >= 1 epoch, e.g. 5");
    }
    if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
      throw new IllegalArgumentException("early stopping minDelta = " + minDelta + "; it must be finite and >= 0, e.g. 0");
    }
  }

  /** Patience {@code patience}, minDelta 0, keeping the last weights. */
  public static EarlyStopping of(int patience) {
    return new EarlyStopping(patience, 0, false);
  }
}
