package org.deepgrad.loss;

import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;

/**
 * How a loss turns its per-element values into its result, torch's {@code reduction} argument:
 * {@code MEAN} (the default) and {@code SUM} give a scalar, {@code NONE} the per-element losses.
 */
public enum Reduction {
  /** The mean over the elements (NaN when there are none, as torch). */
  MEAN,
  /** The sum over the elements. */
  SUM,
  /** No reduction: one loss per element. */
  NONE;

  /** The data of the result of reducing the per-element {@code losses}. */
  float[] reduce(double[] losses) {
    if (this == NONE) {
      float[] r = new float[losses.length];
      for (int i = 0; i < r.length; i++) r[i] = (float) losses[i];
      return r;
    }
    double s = 0;
    for (double l : losses) s += l;
    return new float[] {(float) (this == SUM ? s : s / losses.length)};
  }

  /** The shape of the result for per-element losses of {@code shape}. */
  Shape shape(Shape elements) {
    return this == NONE ? elements : Shape.of();
  }

  /**
   * The upstream gradient reaching element {@code i}'s loss: {@code g_i} for NONE, {@code g} for SUM,
   * {@code g / count} for MEAN.
   */
  double upstream(Tensor g, int i, int count) {
    return switch (this) {
      case NONE -> g.data()[i];
      case SUM -> g.data()[0];
      case MEAN -> (double) g.data()[0] / count;
    };
  }
}
