package org.deepgrad.ops;

import org.deepgrad.tensor.Tensor;

/** Activation functions. TODO(helper): implement the rest. */
public final class Activations {
  private Activations() {}

  /** {@code relu(x) = max(0, x)}; {@code relu'(x) = 1 if x > 0 else 0} (0 at 0, as PyTorch). */
  public static Tensor relu(Tensor x) {
    float[] v = x.data();
    float[] r = new float[v.length];
    for (int i = 0; i < r.length; i++) r[i] = v[i] > 0f ? v[i] : 0f;
    return Tensor.result(r, x.shape(), "relu", g -> {
      float[] gd = g.data();
      float[] d = new float[gd.length];
      for (int i = 0; i < d.length; i++) d[i] = v[i] > 0f ? gd[i] : 0f;
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  public static Tensor sigmoid(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor tanh(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor leakyRelu(Tensor x, float negativeSlope) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor elu(Tensor x, float alpha) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor gelu(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor softplus(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor softsign(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor hardtanh(Tensor x, float min, float max) { throw new UnsupportedOperationException("TODO"); }
}
