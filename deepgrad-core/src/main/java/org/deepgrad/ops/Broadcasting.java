package org.deepgrad.ops;

import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;

/**
 * NumPy broadcasting for element-wise ops: walking two operands in the shape they broadcast to, and
 * summing a gradient back down to an operand's own shape (the backward of a broadcast).
 */
public final class Broadcasting {
  private Broadcasting() {}

  /** What an element-wise op does with one pair of values. */
  @FunctionalInterface
  public interface FloatBinary {
    /** The result for one pair of values {@code a} (first operand) and {@code b} (second). */
    float apply(float a, float b);
  }

  /** {@code f(a, b)} element-wise in the broadcast shape {@code out}. */
  public static float[] map(Tensor a, Tensor b, Shape out, FloatBinary f) {
    float[] x = a.data();
    float[] y = b.data();
    float[] r = new float[out.size()];
    if (a.shape().equals(out) && b.shape().equals(out)) {
      for (int i = 0; i < r.length; i++) r[i] = f.apply(x[i], y[i]);
    } else if (b.size() == 1 && a.shape().equals(out)) {
      float v = y[0];
      for (int i = 0; i < r.length; i++) r[i] = f.apply(x[i], v);
    } else if (a.shape().equals(out) && isTrailing(b.shape(), out)) {
      // b repeats along the leading dimensions (a bias row): the common case, kept a plain loop.
      int n = b.size();
      for (int i = 0; i < r.length; i += n) {
        for (int j = 0; j < n; j++) r[i + j] = f.apply(x[i + j], y[j]);
      }
    } else {
      int[] sa = a.shape().broadcastStrides(out);
      int[] sb = b.shape().broadcastStrides(out);
      int[] dims = out.dims();
      int[] idx = new int[dims.length];
      int ia = 0;
      int ib = 0;
      for (int i = 0; i < r.length; i++) {
        r[i] = f.apply(x[ia], y[ib]);
        for (int d = dims.length - 1; d >= 0; d--) {
          idx[d]++;
          ia += sa[d];
          ib += sb[d];
          if (idx[d] < dims[d]) break;
          ia -= sa[d] * dims[d];
          ib -= sb[d] * dims[d];
          idx[d] = 0;
        }
      }
    }
    return r;
  }

  /** Whether {@code s} equals the last dimensions of {@code out} (leading ones dropped). */
  private static boolean isTrailing(Shape s, Shape out) {
    int lead = 0;
    while (lead < s.rank() && s.dim(lead) == 1) lead++;
    int r = s.rank() - lead;
    if (r > out.rank()) return false;
    for (int i = 0; i < r; i++) {
      if (s.dim(lead + i) != out.dim(out.rank() - r + i)) return false;
    }
    return true;
  }

  /**
   * Sums {@code grad} (in a broadcast shape) down to {@code target}, the shape of the operand that was
   * broadcast: the gradient of an operand is the sum over the positions it was copied to.
   */
  public static Tensor sumTo(Tensor grad, Shape target) {
    if (grad.shape().equals(target)) return grad;
    float[] g = grad.data();
    float[] r = new float[target.size()];
    int[] st = target.broadcastStrides(grad.shape());
    int[] dims = grad.shape().dims();
    int[] idx = new int[dims.length];
    int it = 0;
    for (int i = 0; i < g.length; i++) {
      r[it] += g[i];
      for (int d = dims.length - 1; d >= 0; d--) {
        idx[d]++;
        it += st[d];
        if (idx[d] < dims[d]) break;
        it -= st[d] * dims[d];
        idx[d] = 0;
      }
    }
    return Tensor.of(r, target);
  }
}
