package org.deepgrad.loss;

import org.deepgrad.tensor.ShapeException;

/**
 * {@link Loss#mse(org.deepgrad.tensor.Tensor, org.deepgrad.tensor.Tensor)} (mean over the elements)
 * and its gradient on flat buffers, for the allocation-free training path, with the op's arithmetic.
 */
public final class MseKernel {
  private MseKernel() {}

  /** The mean of {@code (pred − target)²}, writing {@code d loss / d pred} into {@code dPred}. */
  public static float meanLoss(float[] pred, float[] target, float[] dPred) {
    if (pred.length != target.length) {
      throw new ShapeException("mse: input of " + pred.length + " values and target of " + target.length
          + " values differ; give the target the input's shape");
    }
    int n = pred.length;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double d = (double) pred[i] - target[i];
      s += d * d;
    }
    double up = (double) 1f / n;
    for (int i = 0; i < n; i++) dPred[i] = (float) (2 * ((double) pred[i] - target[i]) * up);
    return (float) (s / n);
  }
}
