package org.deepgrad.train;

/**
 * An {@link Objective}'s loss and its gradient on flat buffers, for the trainer's allocation-free
 * step (see {@link org.deepgrad.nn.BufferedPass}): the same value and gradient as the objective's loss on
 * the tape, bit for bit. Stateful (it may keep scratch buffers): one per trainer.
 *
 * @param <S> the batch type
 */
@FunctionalInterface
public interface BufferedLoss<S> {
  /**
   * The loss of {@code batch} for the model's {@code output} ({@code rows} rows, row-major), writing
   * {@code d loss / d output} into {@code grad} (as many values as {@code output}).
   */
  float apply(float[] output, int rows, S batch, float[] grad);
}
