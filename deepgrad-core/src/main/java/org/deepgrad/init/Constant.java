package org.deepgrad.init;

import java.util.Arrays;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Every element set to {@code value}: torch's {@code constant_}, {@code zeros_}, {@code ones_}. Zeros
 * suit biases; a zero (or any constant) weight matrix makes all units of a layer identical forever
 * (the symmetry that random initialization breaks).
 *
 * @param value finite
 */
public record Constant(double value) implements Initializer {

  /** Validates that value is finite. */
  public Constant {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("constant init: value must be finite, got " + value);
    }
  }

  @Override
  public void fill(Tensor t, Rng rng) {
    Arrays.fill(t.data(), (float) value);
  }
}
