package org.deepgrad.ops;

import org.deepgrad.tensor.Tensor;

/** Softmax and log-softmax along an axis, stable by log-sum-exp. TODO(helper): implement. */
public final class Softmax {
  private Softmax() {}

  public static Tensor softmax(Tensor x, int axis) { throw new UnsupportedOperationException("TODO"); }

  public static Tensor logSoftmax(Tensor x, int axis) { throw new UnsupportedOperationException("TODO"); }
}
