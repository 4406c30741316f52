package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Independent draws from U[a, b): torch's {@code uniform_(a, b)} (defaults 0 and 1). Mean (a+b)/2,
 * variance (b-a)²/12; so U(-bound, bound) has std = bound/√3, the relation every fan-based uniform
 * initializer here uses (bound = √3·std).
 *
 * @param a lower bound, finite
 * @param b upper bound, finite and &gt;= a
 */
public record Uniform(double a, double b) implements Initializer {

  /** Validates a and b finite with a &lt;= b. */
  public Uniform {
    if (!(Double.isFinite(a) && Double.isFinite(b) && a <= b)) {
      throw new IllegalArgumentException("uniform init: need finite a <= b, got a = " + a + ", b = " + b
          + "; e.g. uniform(-0.05, 0.05)");
    }
  }

  @Override
  public void fill(Tensor t, Rng rng) {
    fill(t.data(), a, b, rng);
  }

  static void fill(float[] d, double lo, double hi, Rng rng) {
    for (int i = 0; i < d.length; i++) d[i] = (float) rng.uniform(lo, hi);
  }
}
