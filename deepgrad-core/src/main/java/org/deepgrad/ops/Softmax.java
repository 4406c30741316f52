package org.deepgrad.ops;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;

/**
 * Softmax and log-softmax along one axis of a tensor of any rank, stable by log-sum-exp: with
 * {@code m = max_j x_j} and {@code lse = m + log Σ_j e^(x_j − m)}, every exponent is ≤ 0, so logits of
 * ±1000 give exact results instead of inf/NaN.
 *
 * <pre>
 * softmax:      y_i = e^(x_i − lse)     dx = y ⊙ (g − Σ_j g_j y_j)
 * log_softmax:  y_i = x_i − lse         dx = g − softmax(x) · Σ_j g_j
 * </pre>
 * the sums running along the axis (torch.softmax / torch.log_softmax with {@code dim}).
 */
public final class Softmax {
  private Softmax() {}

  /** {@code softmax(x)_i = e^(x_i) / Σ_j e^(x_j)} along {@code axis} (negative counts from the end). */
  public static Tensor softmax(Tensor x, int axis) {
    Lines lines = Lines.of(x.shape(), axis, "softmax");
    float[] y = new float[x.size()];
    lines.forEach((base, stride, n) -> {
      double lse = logSumExp(x.data(), base, stride, n);
      for (int j = 0; j < n; j++) y[base + j * stride] = (float) Math.exp(x.data()[base + j * stride] - lse);
    });
    return Autograd.record(y, x.shape(), "softmax", g -> {
      float[] gd = g.data();
      float[] dx = new float[gd.length];
      lines.forEach((base, stride, n) -> {
        double dot = 0;
        for (int j = 0; j < n; j++) dot += (double) gd[base + j * stride] * y[base + j * stride];
        for (int j = 0; j < n; j++) {
          int k = base + j * stride;
          dx[k] = (float) (y[k] * (gd[k] - dot));
        }
      });
      return new Tensor[] {Tensor.of(dx, x.shape())};
    }, x);
  }

  /** {@code log_softmax(x)_i = x_i − log Σ_j e^(x_j)} along {@code axis}. */
  public static Tensor logSoftmax(Tensor x, int axis) {
    Lines lines = Lines.of(x.shape(), axis, "log_softmax");
    float[] y = new float[x.size()];
    lines.forEach((base, stride, n) -> {
      double lse = logSumExp(x.data(), base, stride, n);
      for (int j = 0; j < n; j++) y[base + j * stride] = (float) (x.data()[base + j * stride] - lse);
    });
    return Autograd.record(y, x.shape(), "log_softmax", g -> {
      float[] gd = g.data();
      float[] dx = new float[gd.length];
      lines.forEach((base, stride, n) -> {
        double sum = 0;
        for (int j = 0; j < n; j++) sum += gd[base + j * stride];
        for (int j = 0; j < n; j++) {
          int k = base + j * stride;
          dx[k] = (float) (gd[k] - Math.exp(y[k]) * sum);
        }
      });
      return new Tensor[] {Tensor.of(dx, x.shape())};
    }, x);
  }

  /** {@code log Σ_j e^(v_j)} over one line, shifted by its max; −∞ for an all −∞ line, as torch. */
  private static double logSumExp(float[] v, int base, int stride, int n) {
    double m = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) m = Math.max(m, v[base + j * stride]);
    if (Double.isInfinite(m)) return m;
    double s = 0;
    for (int j = 0; j < n; j++) s += Math.exp(v[base + j * stride] - m);
    return m + Math.log(s);
  }

  /** The 1-D lines of a tensor along one axis: each starts at {@code base}, steps by {@code stride}. */
  private record Lines(int outer, int n, int inner) {
    static Lines of(Shape shape, int axis, String op) {
      if (shape.rank() == 0) { // torch treats a scalar as one line of one, along dim 0 or -1
        Shape.of(1).axis(axis, op);
        return new Lines(1, 1, 1);
      }
      int a = shape.axis(axis, op);
      return new Lines(shape.outer(a), shape.dim(a), shape.inner(a));
    }

    interface Body {
      void line(int base, int stride, int n);
    }

    void forEach(Body body) {
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) body.line(o * n * inner + i, inner, n);
      }
    }
  }
}
