package org.deepgrad.ops;

import java.util.Arrays;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * Reductions over one axis or all elements, with torch's semantics. Sums accumulate in double.
 *
 * <pre>
 * sum:   y = Σ x          dx = g (copied along the reduced axis)
 * mean:  y = Σ x / n      dx = g / n
 * max:   y = max x        dx = g at the first maximum along an axis (torch.max(dim) with indices);
 *                         over all elements, g / (number of maxima) at each maximum (torch.max())
 * var:   y = Σ (x − x̄)² / (n − correction)     dx = g · 2 (x − x̄) / (n − correction)
 * </pre>
 * NaN counts as the largest value (max and argmax propagate NaN, as torch). Axes may be negative.
 * A reduction along one axis views the input as {@code [outer, n, inner]}, n the axis's length.
 */
public final class Reductions {
  private Reductions() {}

  /** Sum of all elements as a scalar; its gradient is g copied to every element. */
  public static Tensor sum(Tensor x) {
    double s = 0;
    for (float v : x.data()) s += v;
    return Autograd.record(new float[] {(float) s}, Shape.of(), "sum", g -> {
      float[] d = new float[x.size()];
      java.util.Arrays.fill(d, g.item());
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  /** Sum along {@code axis}; {@code keepDim} keeps it with length 1 (torch.sum(dim, keepdim)). */
  public static Tensor sum(Tensor x, int axis, boolean keepDim) {
    return scaledSum(x, x.shape().axis(axis, "sum"), keepDim, "sum", 1.0);
  }

  /** Mean of all elements as a scalar (NaN for an empty tensor, as torch). */
  public static Tensor mean(Tensor x) {
    double s = 0;
    for (float v : x.data()) s += v;
    int n = x.size();
    return Autograd.record(new float[] {(float) (s / n)}, Shape.of(), "mean", g -> {
      float[] d = new float[n];
      Arrays.fill(d, g.item() / n);
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  /** Mean along {@code axis} (torch.mean(dim, keepdim)). */
  public static Tensor mean(Tensor x, int axis, boolean keepDim) {
    int ax = x.shape().axis(axis, "mean");
    return scaledSum(x, ax, keepDim, "mean", 1.0 / x.dim(ax));
  }

  private static Tensor scaledSum(Tensor x, int ax, boolean keepDim, String op, double scale) {
    Shape s = x.shape();
    int outer = s.outer(ax);
    int n = s.dim(ax);
    int inner = s.inner(ax);
    float[] v = x.data();
    float[] r = new float[outer * inner];
    double[] acc = new double[inner];
    for (int o = 0; o < outer; o++) {
      Arrays.fill(acc, 0);
      for (int k = 0; k < n; k++) {
        int base = (o * n + k) * inner;
        for (int i = 0; i < inner; i++) acc[i] += v[base + i];
      }
      for (int i = 0; i < inner; i++) r[o * inner + i] = (float) (acc[i] * scale);
    }
    return Autograd.record(r, reduced(s, ax, keepDim), op, g -> {
      float[] gd = g.data();
      float[] d = new float[v.length];
      for (int o = 0; o < outer; o++) {
        for (int k = 0; k < n; k++) {
          int base = (o * n + k) * inner;
          for (int i = 0; i < inner; i++) d[base + i] = (float) (gd[o * inner + i] * scale);
        }
      }
      return new Tensor[] {Tensor.of(d, s)};
    }, x);
  }

  /** Largest element as a scalar; ties share the gradient equally (torch.max() without dim). */
  public static Tensor max(Tensor x) {
    float[] v = x.data();
    if (v.length == 0) {
      throw new ShapeException("max: the tensor " + x.shape() + " is empty; max needs at least one element");
    }
    float m = v[0];
    for (float e : v) if (greater(e, m)) m = e;
    float best = m;
    return Autograd.record(new float[] {m}, Shape.of(), "max", g -> {
      int count = 0;
      for (float e : v) if (isMax(e, best)) count++;
      float share = g.item() / count;
      float[] d = new float[v.length];
      for (int i = 0; i < d.length; i++) if (isMax(v[i], best)) d[i] = share;
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  /** Largest element along {@code axis}; the gradient goes to the first maximum (torch.max(dim)). */
  public static Tensor max(Tensor x, int axis, boolean keepDim) {
    int ax = x.shape().axis(axis, "max");
    int[] at = argmaxAlong(x, ax, "max");
    int n = x.dim(ax);
    int inner = x.shape().inner(ax);
    float[] v = x.data();
    float[] r = new float[at.length];
    for (int j = 0; j < r.length; j++) r[j] = v[offset(j, at[j], n, inner)];
    return Autograd.record(r, reduced(x.shape(), ax, keepDim), "max", g -> {
      float[] gd = g.data();
      float[] d = new float[v.length];
      for (int j = 0; j < gd.length; j++) d[offset(j, at[j], n, inner)] = gd[j];
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  /**
   * Variance along {@code axis}: {@code Σ (x − mean)² / (n − correction)} (torch.var's
   * {@code correction}: 1 is the unbiased estimate, 0 the population variance). Unlike torch, which
   * returns NaN or infinity, {@code n − correction <= 0} is an error. Two passes in double.
   */
  public static Tensor var(Tensor x, int axis, boolean keepDim, int correction) {
    Shape s = x.shape();
    int ax = s.axis(axis, "var");
    int n = s.dim(ax);
    int inner = s.inner(ax);
    double dof = (double) n - correction;
    if (dof <= 0) {
      throw new IllegalArgumentException("var: axis " + axis + " of shape " + s + " has " + n
          + " elements and correction is " + correction + ", so n - correction = " + (n - (long) correction)
          + " <= 0; reduce an axis with more than " + correction + " elements or lower the correction");
    }
    float[] v = x.data();
    double[] mean = new double[s.outer(ax) * inner];
    float[] r = new float[mean.length];
    for (int j = 0; j < r.length; j++) {
      double sum = 0;
      for (int k = 0; k < n; k++) sum += v[offset(j, k, n, inner)];
      mean[j] = sum / n;
      double ss = 0;
      for (int k = 0; k < n; k++) {
        double dev = v[offset(j, k, n, inner)] - mean[j];
        ss += dev * dev;
      }
      r[j] = (float) (ss / dof);
    }
    return Autograd.record(r, reduced(s, ax, keepDim), "var", g -> {
      float[] gd = g.data();
      float[] d = new float[v.length];
      for (int j = 0; j < gd.length; j++) {
        for (int k = 0; k < n; k++) {
          int at = offset(j, k, n, inner);
          d[at] = (float) (gd[j] * 2 * (v[at] - mean[j]) / dof);
        }
      }
      return new Tensor[] {Tensor.of(d, s)};
    }, x);
  }

  /**
   * Index of the largest element along {@code axis} for each position of the other dimensions (in
   * row-major order); the first one on ties, NaN counting as largest (torch.argmax).
   */
  public static int[] argmax(Tensor x, int axis) {
    return argmaxAlong(x, x.shape().axis(axis, "argmax"), "argmax");
  }

  private static int[] argmaxAlong(Tensor x, int ax, String op) {
    int n = x.dim(ax);
    if (n == 0) {
      throw new ShapeException(op + ": axis " + ax + " of shape " + x.shape() + " is empty; "
          + "reduce along an axis with at least one element");
    }
    int inner = x.shape().inner(ax);
    float[] v = x.data();
    int[] at = new int[x.shape().outer(ax) * inner];
    for (int j = 0; j < at.length; j++) {
      float best = v[offset(j, 0, n, inner)];
      for (int k = 1; k < n; k++) {
        float e = v[offset(j, k, n, inner)];
        if (greater(e, best)) {
          best = e;
          at[j] = k;
        }
      }
    }
    return at;
  }

  /** Flat index of element {@code k} along the axis for output position {@code j} = o·inner + i. */
  private static int offset(int j, int k, int n, int inner) {
    return ((j / inner) * n + k) * inner + j % inner;
  }

  /** Whether {@code e} replaces {@code best} as the maximum: strictly larger, or the first NaN. */
  private static boolean greater(float e, float best) {
    return e > best || (Float.isNaN(e) && !Float.isNaN(best));
  }

  private static boolean isMax(float e, float best) {
    return Float.isNaN(best) ? Float.isNaN(e) : e == best;
  }

  private static Shape reduced(Shape s, int ax, boolean keepDim) {
    return keepDim ? s.with(ax, 1) : s.without(ax);
  }
}
