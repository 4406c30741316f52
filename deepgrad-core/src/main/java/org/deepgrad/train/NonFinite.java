package org.deepgrad.train;

/**
 * A batch whose loss or gradient was NaN or infinite.
 *
 * @param step the number the update would have had, from 1
 * @param epoch its epoch, from 0 (shown from 1, as progress lines count epochs)
 * @param what {@code "loss"} or {@code "gradient of <parameter>"}
 */
public record NonFinite(long step, int epoch, String what) {
  @Override
  public String toString() {
    return "non-finite " + what + " at step " + step + " (epoch " + (epoch + 1) + ")";
  }
}
