package org.deepgrad.ops;

import java.util.function.DoubleUnaryOperator;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;

/**
 * Element-wise math with torch's values and gradients:
 *
 * <pre>
 * exp(x)         d = g·exp(x)
 * log(x)         d = g / x
 * sqrt(x)        d = g / (2·sqrt(x))
 * pow(x, p)      d = g·p·x^(p−1)          (0 when p = 0, as torch)
 * abs(x)         d = g·sign(x)            (sign(0) = 0, as torch)
 * clamp(x,lo,hi) d = g where lo &lt;= x &lt;= hi, else 0 (torch.clamp: the bounds themselves pass)
 * where(m,a,b)   da = g where m != 0, db = g where m == 0, each summed back to its shape
 * </pre>
 * Out-of-domain inputs give NaN or infinity as in torch (log of a negative, sqrt of a negative).
 */
public final class Pointwise {
  private Pointwise() {}

  /** The derivative at one element, given the input x and the output y. */
  @FunctionalInterface
  private interface Derivative {
    float at(float x, float y);
  }

  /** Applies {@code f} element-wise; the backward multiplies g by {@code df(x, y)}. */
  private static Tensor unary(Tensor x, String op, DoubleUnaryOperator f, Derivative df) {
    float[] v = x.data();
    float[] y = new float[v.length];
    for (int i = 0; i < y.length; i++) y[i] = (float) f.applyAsDouble(v[i]);
    return Autograd.record(y, x.shape(), op, g -> {
      float[] gd = g.data();
      float[] d = new float[gd.length];
      for (int i = 0; i < d.length; i++) d[i] = gd[i] * df.at(v[i], y[i]);
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  /** {@code e^x} element-wise (torch.exp); gradient {@code g·e^x}. */
  public static Tensor exp(Tensor x) {
    return unary(x, "exp", Math::exp, (v, y) -> y);
  }

  /** Natural log element-wise (torch.log); gradient {@code g / x}. NaN for {@code x < 0}, −∞ at 0. */
  public static Tensor log(Tensor x) {
    return unary(x, "log", Math::log, (v, y) -> 1f / v);
  }

  /** {@code √x} element-wise (torch.sqrt); gradient {@code g / (2√x)}. NaN for {@code x < 0}. */
  public static Tensor sqrt(Tensor x) {
    return unary(x, "sqrt", Math::sqrt, (v, y) -> 0.5f / y);
  }

  /** {@code x^p} for a constant exponent (torch.pow with a scalar exponent). */
  public static Tensor pow(Tensor x, float exponent) {
    double p = exponent;
    return unary(x, "pow", v -> Math.pow(v, p),
        (v, y) -> p == 0 ? 0f : (float) (p * Math.pow(v, p - 1)));
  }

  /** {@code |x|} element-wise (torch.abs); gradient {@code g·sign(x)}, 0 at x = 0 as torch. */
  public static Tensor abs(Tensor x) {
    return unary(x, "abs", Math::abs, (v, y) -> Math.signum(v));
  }

  /** {@code min(max(x, min), max)}; NaN stays NaN. Throws when {@code min > max}. */
  public static Tensor clamp(Tensor x, float min, float max) {
    if (!(min <= max)) {
      throw new IllegalArgumentException("clamp: min " + min + " is greater than max " + max
          + " (or NaN); pass min <= max, or ±Infinity for a one-sided bound");
    }
    return unary(x, "clamp", v -> Math.min(Math.max(v, min), max),
        (v, y) -> v >= min && v <= max ? 1f : 0f);
  }

  /** {@code mask != 0 ? a : b} element-wise, the three broadcast together; no gradient to the mask. */
  public static Tensor where(Tensor mask, Tensor a, Tensor b) {
    Shape out = Shape.broadcast("where", Shape.broadcast("where", mask.shape(), a.shape()), b.shape());
    int[] im = offsets(mask.shape(), out);
    int[] ia = offsets(a.shape(), out);
    int[] ib = offsets(b.shape(), out);
    float[] m = mask.data();
    float[] av = a.data();
    float[] bv = b.data();
    float[] r = new float[out.size()];
    for (int i = 0; i < r.length; i++) r[i] = m[im[i]] != 0f ? av[ia[i]] : bv[ib[i]];
    return Autograd.record(r, out, "where", g -> {
      float[] gd = g.data();
      float[] ga = new float[gd.length];
      float[] gb = new float[gd.length];
      for (int i = 0; i < gd.length; i++) {
        if (m[im[i]] != 0f) ga[i] = gd[i];
        else gb[i] = gd[i];
      }
      return new Tensor[] {null,
          a.requiresGrad() ? Broadcasting.sumTo(Tensor.of(ga, out), a.shape()) : null,
          b.requiresGrad() ? Broadcasting.sumTo(Tensor.of(gb, out), b.shape()) : null};
    }, mask, a, b);
  }

  /** For each element of {@code out} (row-major), the flat index of the element of {@code s} it reads. */
  private static int[] offsets(Shape s, Shape out) {
    int[] st = s.broadcastStrides(out);
    int[] dims = out.dims();
    int[] idx = new int[dims.length];
    int[] r = new int[out.size()];
    int off = 0;
    for (int i = 0; i < r.length; i++) {
      r[i] = off;
      for (int d = dims.length - 1; d >= 0; d--) {
        idx[d]++;
        off += st[d];
        if (idx[d] < dims[d]) break;
        off -= st[d] * dims[d];
        idx[d] = 0;
      }
    }
    return r;
  }
}
