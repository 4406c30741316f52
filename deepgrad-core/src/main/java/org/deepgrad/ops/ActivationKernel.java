package org.deepgrad.ops;

import org.deepgrad.tensor.Tensor;

/**
 * The element-wise pattern every activation shares: {@code y = f(x)} in the forward pass and
 * {@code dx = g · f'(x)} in the backward, with the derivative allowed to reuse the output
 * (sigmoid' = y(1 − y)). Values are computed in double and stored as float32.
 */
final class ActivationKernel {
  private ActivationKernel() {}

  /** The function applied to one element. */
  @FunctionalInterface
  interface Forward {
    double apply(double x);
  }

  /** The derivative at one element, given the input and the (float32) output. */
  @FunctionalInterface
  interface Derivative {
    double apply(double x, double y);
  }

  static Tensor apply(Tensor x, String op, Forward f, Derivative df) {
    float[] v = x.data();
    float[] y = new float[v.length];
    for (int i = 0; i < y.length; i++) y[i] = (float) f.apply(v[i]);
    return Tensor.result(y, x.shape(), op, g -> {
      float[] gd = g.data();
      float[] d = new float[gd.length];
      for (int i = 0; i < d.length; i++) d[i] = (float) (gd[i] * df.apply(v[i], y[i]));
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }
}
