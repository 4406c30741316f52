package org.deepgrad.loss;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * The fused op {@link Loss#crossEntropy(Tensor, int[], Reduction)}: for each position (row,
 * plus any trailing positions) {@code l = lse − x[target]} with {@code lse = m + log Σ e^(x − m)},
 * {@code m} the max over the classes; backward {@code dx = (softmax(x) − onehot(target)) · g_l}.
 */
final class CrossEntropy {
  private CrossEntropy() {}

  static Tensor apply(Tensor logits, int[] targets, Reduction reduction) {
    if (logits.rank() == 0) {
      throw new ShapeException("crossEntropy: logits must be [n, c] (or [c], or [n, c, d...]), got a scalar");
    }
    Shape lossShape = logits.rank() == 1 ? Shape.of() : logits.shape().without(1);
    int c = logits.rank() == 1 ? logits.dim(0) : logits.dim(1);
    int inner = logits.rank() == 1 ? 1 : logits.shape().inner(1);
    int positions = lossShape.size();
    if (targets.length != positions) {
      throw new ShapeException("crossEntropy: logits " + logits.shape() + " need " + positions
          + " targets (one per row), got " + targets.length);
    }
    checkTargets(targets, c, logits.shape());
    float[] x = logits.data();
    int[] t = targets.clone(); // the backward must see the targets of the forward
    double[] lse = new double[positions];
    double[] l = new double[positions];
    losses(x, t, positions, c, inner, lse, l);
    return Autograd.record(reduction.reduce(l), reduction.shape(lossShape), "cross_entropy", g -> {
      float[] dx = new float[x.length];
      for (int p = 0; p < positions; p++) gradient(x, t, p, c, inner, lse[p], reduction.upstream(g, p, positions), dx);
      return new Tensor[] {Tensor.of(dx, logits.shape())};
    }, logits);
  }

  static void checkTargets(int[] targets, int c, Shape logits) {
    for (int p = 0; p < targets.length; p++) {
      if (targets[p] < 0 || targets[p] >= c) {
        throw new IllegalArgumentException("crossEntropy: target " + targets[p] + " at position " + p
            + " is not a class index in [0, " + c + ") for logits " + logits
            + "; targets must be class indices, not one-hot rows");
      }
    }
  }

  /** {@code lse[p]} and {@code l[p] = lse[p] − x[target]} for every position. */
  static void losses(float[] x, int[] t, int positions, int c, int inner, double[] lse, double[] l) {
    for (int p = 0; p < positions; p++) {
      int base = (p / inner) * c * inner + p % inner;
      double m = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) m = Math.max(m, x[base + k * inner]);
      double s = 0;
      for (int k = 0; k < c; k++) s += Math.exp(x[base + k * inner] - m);
      lse[p] = m + Math.log(s);
      l[p] = lse[p] - x[base + t[p] * inner];
    }
  }

  /** {@code dx = (softmax(x) − onehot(target)) · up} at position {@code p}. */
  static void gradient(float[] x, int[] t, int p, int c, int inner, double lse, double up, float[] dx) {
    int base = (p / inner) * c * inner + p % inner;
    for (int k = 0; k < c; k++) {
      int i = base + k * inner;
      dx[i] = (float) ((Math.exp(x[i] - lse) - (k == t[p] ? 1 : 0)) * up);
    }
  }
}
