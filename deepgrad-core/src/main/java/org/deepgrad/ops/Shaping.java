package org.deepgrad.ops;

import org.deepgrad.tensor.Tensor;

/** Reshape, transpose, concatenate, slice and gather. TODO(helper): implement. */
public final class Shaping {
  private Shaping() {}

  public static Tensor reshape(Tensor x, int... dims) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor transpose(Tensor x, int dim0, int dim1) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor concat(int axis, Tensor... parts) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor sliceRows(Tensor x, int from, int to) { throw new UnsupportedOperationException("TODO"); }

  /** Rows of {@code x} picked (with repeats allowed) by {@code rows}, along the first dimension. */
  public static Tensor indexRows(Tensor x, int[] rows) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor gather(Tensor x, int[] index) { throw new UnsupportedOperationException("TODO"); }
}
