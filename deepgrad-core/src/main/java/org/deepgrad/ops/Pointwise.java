package org.deepgrad.ops;

import org.deepgrad.tensor.Tensor;

/** Element-wise math: exp, log, sqrt, pow, abs, clamp, where. TODO(helper): implement. */
public final class Pointwise {
  private Pointwise() {}

  public static Tensor exp(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor log(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor sqrt(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor pow(Tensor x, float exponent) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor abs(Tensor x) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor clamp(Tensor x, float min, float max) { throw new UnsupportedOperationException("TODO"); }

  /** {@code mask != 0 ? a : b} element-wise, the three broadcast together; no gradient to the mask. */
  public static Tensor where(Tensor mask, Tensor a, Tensor b) { throw new UnsupportedOperationException("TODO"); }
}
