package org.deepgrad.ops;

import java.util.Arrays;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * Ops that move elements without changing them; each backward moves the gradient back:
 *
 * <pre>
 * reshape           dx = reshape(g, x.shape)        (shares the data: a view, as torch.view)
 * transpose(d0,d1)  dx = transpose(g, d0, d1)
 * concat(axis)      dx_p = the slice of g that part p filled
 * sliceRows         dx = g in rows [from, to), 0 elsewhere
 * indexRows(rows)   dx[rows[j]] += g[j]            (x[rows] in torch; repeats accumulate)
 * gather(index)     dx[i, index[i]] = g[i]          (x.gather(1, index[:, None]).squeeze(1))
 * </pre>
 * Index arrays are copied, so changing them after the call does not change the backward.
 */
public final class Shaping {
  private Shaping() {}

  /** The same elements in shape {@code dims}; one dimension may be -1, inferred from the size. */
  public static Tensor reshape(Tensor x, int... dims) {
    Shape to = Shape.of(inferred(x.shape(), dims));
    return Autograd.record(x.data(), to, "reshape", g -> new Tensor[] {Tensor.of(g.data(), x.shape())}, x);
  }

  private static int[] inferred(Shape from, int[] dims) {
    int[] d = dims.clone();
    int free = -1;
    long known = 1;
    for (int i = 0; i < d.length; i++) {
      if (d[i] == -1 && free < 0) {
        free = i;
      } else if (d[i] < 0) {
        throw new ShapeException("reshape: " + Arrays.toString(dims) + " is not a valid shape for " + from
            + "; dimensions must be >= 0, with at most one -1 to infer");
      } else {
        known *= d[i];
      }
    }
    if (free >= 0 && known != 0 && from.size() % known == 0) d[free] = (int) (from.size() / known);
    if (free >= 0 ? d[free] < 0 : known != from.size()) {
      throw new ShapeException("reshape: cannot view shape " + from + " (" + from.size() + " elements) as "
          + Arrays.toString(dims) + "; the sizes must match (one dimension may be -1 to infer it)");
    }
    return d;
  }

  /** Swaps dimensions {@code dim0} and {@code dim1} (negative counts from the end), copying. */
  public static Tensor transpose(Tensor x, int dim0, int dim1) {
    int a = x.shape().axis(dim0, "transpose");
    int b = x.shape().axis(dim1, "transpose");
    int[] dims = x.shape().dims();
    dims[a] = dims[b];
    dims[b] = x.dim(a);
    Shape to = Shape.of(dims);
    return Autograd.record(swapped(x.data(), x.shape(), a, b), to, "transpose",
        g -> new Tensor[] {Tensor.of(swapped(g.data(), to, a, b), x.shape())}, x);
  }

  /** The data of shape {@code s} rearranged into row-major order of s with dims a and b swapped. */
  private static float[] swapped(float[] v, Shape s, int a, int b) {
    int[] dims = s.dims();
    int[] swappedDims = dims.clone();
    swappedDims[a] = dims[b];
    swappedDims[b] = dims[a];
    int[] st = Shape.of(swappedDims).strides();
    int[] outStrides = new int[dims.length]; // a step along input dim d moves this far in the result
    for (int d = 0; d < dims.length; d++) outStrides[d] = st[d == a ? b : d == b ? a : d];
    float[] r = new float[v.length];
    int[] idx = new int[dims.length];
    int off = 0;
    for (int i = 0; i < v.length; i++) {
      r[off] = v[i];
      for (int d = dims.length - 1; d >= 0; d--) {
        idx[d]++;
        off += outStrides[d];
        if (idx[d] < dims[d]) break;
        off -= outStrides[d] * dims[d];
        idx[d] = 0;
      }
    }
    return r;
  }

  /** Joins {@code parts} along {@code axis}; all other dimensions must agree (torch.cat). */
  public static Tensor concat(int axis, Tensor... parts) {
    if (parts.length == 0) throw new IllegalArgumentException("concat: no tensors given; pass at least one");
    Tensor[] ins = parts.clone(); // the backward must see the parts used now
    Shape first = ins[0].shape();
    int ax = first.axis(axis, "concat");
    int total = 0;
    for (Tensor p : ins) {
      if (p.rank() != first.rank() || !p.shape().with(ax, 1).equals(first.with(ax, 1))) {
        throw new ShapeException("concat: shapes " + first + " and " + p.shape() + " differ outside axis "
            + axis + "; every dimension but the concatenated one must match");
      }
      total += p.dim(ax);
    }
    Shape out = first.with(ax, total);
    int outer = first.outer(ax);
    int inner = first.inner(ax);
    float[] r = new float[out.size()];
    for (int o = 0, at = 0; o < outer; o++) {
      for (Tensor p : ins) {
        int block = p.dim(ax) * inner;
        System.arraycopy(p.data(), o * block, r, at, block);
        at += block;
      }
    }
    return Autograd.record(r, out, "concat", g -> {
      float[][] d = new float[ins.length][];
      for (int k = 0; k < ins.length; k++) d[k] = new float[ins[k].size()];
      float[] gd = g.data();
      for (int o = 0, at = 0; o < outer; o++) {
        for (int k = 0; k < ins.length; k++) {
          int block = ins[k].dim(ax) * inner;
          System.arraycopy(gd, at, d[k], o * block, block);
          at += block;
        }
      }
      Tensor[] grads = new Tensor[ins.length];
      for (int k = 0; k < ins.length; k++) grads[k] = Tensor.of(d[k], ins[k].shape());
      return grads;
    }, ins);
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) along dimension 0, copied. */
  public static Tensor sliceRows(Tensor x, int from, int to) {
    int n = firstDim(x, "sliceRows");
    if (from < 0 || from > to || to > n) {
      throw new IndexOutOfBoundsException("sliceRows: rows [" + from + ", " + to + ") do not fit shape "
          + x.shape() + "; need 0 <= from <= to <= " + n);
    }
    int row = x.shape().inner(0);
    float[] r = Arrays.copyOfRange(x.data(), from * row, to * row);
    return Autograd.record(r, x.shape().with(0, to - from), "sliceRows", g -> {
      float[] d = new float[x.size()];
      System.arraycopy(g.data(), 0, d, from * row, g.size());
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  /** Rows of {@code x} picked (with repeats allowed) by {@code rows}, along the first dimension. */
  public static Tensor indexRows(Tensor x, int[] rows) {
    int n = firstDim(x, "indexRows");
    int[] at = rows.clone();
    for (int j = 0; j < at.length; j++) {
      if (at[j] < 0 || at[j] >= n) {
        throw new IndexOutOfBoundsException("indexRows: rows[" + j + "] = " + at[j] + " is outside [0, " + n
            + ") for shape " + x.shape());
      }
    }
    int row = x.shape().inner(0);
    float[] v = x.data();
    float[] r = new float[at.length * row];
    for (int j = 0; j < at.length; j++) System.arraycopy(v, at[j] * row, r, j * row, row);
    return Autograd.record(r, x.shape().with(0, at.length), "indexRows", g -> {
      float[] gd = g.data();
      float[] d = new float[v.length];
      for (int j = 0; j < at.length; j++) {
        for (int i = 0; i < row; i++) d[at[j] * row + i] += gd[j * row + i];
      }
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  /** For {@code x} of shape [n, c], the [n] tensor of {@code x[i, index[i]]}. */
  public static Tensor gather(Tensor x, int[] index) {
    if (x.rank() != 2) {
      throw new ShapeException("gather: input " + x.shape() + " is not 2-D; gather needs [n, c] (rows, columns)");
    }
    if (index.length != x.dim(0)) {
      throw new ShapeException("gather: " + index.length + " indices for input " + x.shape()
          + "; pass one column index per row (" + x.dim(0) + ")");
    }
    int c = x.dim(1);
    int[] at = index.clone();
    for (int i = 0; i < at.length; i++) {
      if (at[i] < 0 || at[i] >= c) {
        throw new IndexOutOfBoundsException("gather: index[" + i + "] = " + at[i] + " is outside [0, " + c
            + ") for input " + x.shape() + "; each index must be a column of its row");
      }
    }
    float[] v = x.data();
    float[] r = new float[at.length];
    for (int i = 0; i < r.length; i++) r[i] = v[i * c + at[i]];
    return Autograd.record(r, Shape.of(at.length), "gather", g -> {
      float[] gd = g.data();
      float[] d = new float[v.length];
      for (int i = 0; i < gd.length; i++) d[i * c + at[i]] = gd[i];
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  private static int firstDim(Tensor x, String op) {
    if (x.rank() == 0) throw new ShapeException(op + ": the input is a scalar; it needs at least one dimension");
    return x.dim(0);
  }
}
