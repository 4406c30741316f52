package org.deepgrad.train;

/**
 * A batch whose loss or gradient was NaN or infinite.
 *
 * @param step the number the update would have had, from 1
 * @param epoch its epoch, from 0 (shown from 1, as progress lines count epochs)
 * @param what {@code "loss"} or {@code "gradient of <parameter>"}: what the step's checks found (for a
 *     gradient, the first parameter in registration order, not necessarily where it arose)
 * @param where where the first non-finite value arose, found by replaying the batch ({@link PostMortem}):
 *     in the forward pass, {@code "forward pass, input batch row 3, feature 0 (NaN)"}, {@code "forward
 *     pass, output of layer 2 (Linear(8 -> 8))"} or {@code "forward pass, the loss (...)"}; in the
 *     backward pass (reached only when the forward pass and the loss are finite), the first layer from
 *     the output side whose backward produced it: {@code "backward pass, layer 1 (Linear(1 -> 1)),
 *     gradient of its input"}, or {@code "backward pass, gradient of the loss with respect to the
 *     model's output"}
 */
public record NonFinite(long step, int epoch, String what, String where) {
  @Override
  public String toString() {
    return "non-finite " + what + " at step " + step + " (epoch " + (epoch + 1) + "), first non-finite in the " + where;
  }
}
