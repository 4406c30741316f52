package org.deepgrad.loss;

import org.deepgrad.tensor.ShapeException;

/**
 * {@link Loss#mse(org.deepgrad.tensor.Tensor, org.deepgrad.tensor.Tensor)} (mean over the elements)
 * and its gradient on flat buffers, for the trainer's buffered path: {@link Mse}'s arithmetic, with
 * {@link Reduction#MEAN}'s sum in order, division and upstream gradient {@code 1/n}.
 */
public final class BufferedMse {
  private BufferedMse() {}

  /** The mean of {@code (pred − target)²}, writing {@code d loss / d pred} into {@code dPred}. */
  public static float meanLoss(float[] pred, float[] target, float[] dPred) {
    if (pred.length != target.length) {
      throw new ShapeException("mse: input of " + pred.length + " values and target of " + target.length
          + " values differ; give the target the input's shape");
    }
    int n = pred.length;
    double s = 0;
    for (int i = 0; i < n; i++) s += Mse.loss(pred[i], target[i]);
    double up = (double) 1f / n;
    for (int i = 0; i < n; i++) dPred[i] = Mse.gradient(pred[i], target[i], up);
    return (float) (s / n);
  }
}
