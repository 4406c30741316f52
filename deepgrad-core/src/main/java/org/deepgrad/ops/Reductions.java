package org.deepgrad.ops;

import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;

/** Reductions over one axis or all elements. TODO(helper): implement the rest. */
public final class Reductions {
  private Reductions() {}

  /** Sum of all elements as a scalar; its gradient is g copied to every element. */
  public static Tensor sum(Tensor x) {
    double s = 0;
    for (float v : x.data()) s += v;
    return Tensor.result(new float[] {(float) s}, Shape.of(), "sum", g -> {
      float[] d = new float[x.size()];
      java.util.Arrays.fill(d, g.item());
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }

  public static Tensor sum(Tensor x, int axis, boolean keepDim) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor mean(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor mean(Tensor x, int axis, boolean keepDim) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor max(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor max(Tensor x, int axis, boolean keepDim) { throw new UnsupportedOperationException("TODO"); }

  /** Variance along {@code axis} dividing by {@code n - correction} (torch.var's {@code correction}). */
  public static Tensor var(Tensor x, int axis, boolean keepDim, int correction) { throw new UnsupportedOperationException("TODO"); }

  public static int[] argmax(Tensor x, int axis) { throw new UnsupportedOperationException("TODO"); }
}
