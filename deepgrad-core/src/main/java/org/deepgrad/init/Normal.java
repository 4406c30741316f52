package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Independent draws from N(mean, std²): torch's {@code normal_(mean, std)} (defaults 0 and 1). Not
 * truncated (Keras' he_normal and lecun_normal truncate at 2 std and rescale; torch does not).
 *
 * @param mean finite
 * @param std finite and &gt;= 0
 */
public record Normal(double mean, double std) implements Initializer {

  /** Validates mean finite and std finite and &gt;= 0. */
  public Normal {
    if (!(Double.isFinite(mean) && Double.isFinite(std) && std >= 0)) {
      throw new IllegalArgumentException("normal init: need a finite mean and a finite std >= 0, got mean = "
          + mean + ", std = " + std + "; e.g. normal(0, 0.01)");
    }
  }

  @Override
  public void fill(Tensor t, Rng rng) {
    fill(t.data(), mean, std, rng);
  }

  static void fill(float[] d, double mean, double std, Rng rng) {
    for (int i = 0; i < d.length; i++) d[i] = (float) rng.normal(mean, std);
  }
}
