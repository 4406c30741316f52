package org.deepgrad.loss;

import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;

/**
 * {@link Loss#crossEntropy(org.deepgrad.tensor.Tensor, int[])} (mean over the rows) and its gradient on
 * flat buffers, for the allocation-free training path: the same arithmetic as the op (see
 * {@link CrossEntropy}), the softmax and the loss fused in one pass per row. Not thread-safe.
 */
public final class BufferedCrossEntropy {
  private double[] lse = new double[0];
  private double[] l = new double[0];

  /**
   * The mean cross-entropy of {@code rows × classes} logits against {@code targets}, writing
   * {@code d loss / d logits} into {@code dLogits} (as many values as the logits).
   */
  public float meanLoss(float[] logits, int rows, int[] targets, float[] dLogits) {
    int c = logits.length / rows;
    if (targets.length != rows) {
      throw new ShapeException("crossEntropy: logits [" + rows + ", " + c + "] need " + rows
          + " targets (one per row), got " + targets.length);
    }
    CrossEntropy.checkTargets(targets, c, Shape.of(rows, c));
    if (lse.length != rows) {
      lse = new double[rows];
      l = new double[rows];
    }
    CrossEntropy.losses(logits, targets, rows, c, 1, lse, l);
    double s = 0;
    for (double v : l) s += v; // Reduction.MEAN's sum and division
    double up = (double) 1f / rows;
    for (int p = 0; p < rows; p++) CrossEntropy.gradient(logits, targets, p, c, 1, lse[p], up, dLogits);
    return (float) (s / rows);
  }
}
