package org.deepgrad.loss;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Tensor;

/**
 * Mean squared error, {@code torch.nn.functional.mse_loss}: the op of {@link Loss#mse} and the
 * element arithmetic that {@link BufferedMse} shares with it, so both give the same bits. In double,
 * stored as float:
 * <pre>
 * l = (p − t)²        dp = 2(p − t)·g_l        dt = −dp
 * </pre>
 * with {@code g_l} the upstream gradient of the element's loss (divided by the count for MEAN).
 */
final class Mse {
  private Mse() {}

  /** The op on inputs of one shape (checked by {@link Loss#mse}). */
  static Tensor apply(Tensor pred, Tensor target, Reduction reduction) {
    float[] p = pred.data();
    float[] t = target.data();
    double[] l = new double[p.length];
    for (int i = 0; i < l.length; i++) l[i] = loss(p[i], t[i]);
    return Autograd.record(reduction.reduce(l), reduction.shape(pred.shape()), "mse", g -> {
      float[] dp = new float[p.length];
      for (int i = 0; i < dp.length; i++) dp[i] = gradient(p[i], t[i], reduction.upstream(g, i, p.length));
      float[] dt = new float[p.length];
      for (int i = 0; i < dt.length; i++) dt[i] = -dp[i];
      return new Tensor[] {pred.requiresGrad() ? Tensor.of(dp, pred.shape()) : null,
          target.requiresGrad() ? Tensor.of(dt, target.shape()) : null};
    }, pred, target);
  }

  /** {@code (p − t)²}. */
  static double loss(float p, float t) {
    double d = (double) p - t;
    return d * d;
  }

  /** {@code 2(p − t)·up}, the gradient at p of an element whose loss has upstream gradient {@code up}. */
  static float gradient(float p, float t, double up) {
    return (float) (2 * ((double) p - t) * up);
  }
}
