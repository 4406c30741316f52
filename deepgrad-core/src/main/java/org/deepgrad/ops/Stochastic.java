package org.deepgrad.ops;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/** Ops that draw random numbers, always from a caller's seeded {@link Rng}. */
public final class Stochastic {
  private Stochastic() {}

  /**
   * Inverted dropout (Srivastava et al., 2014; torch.nn.functional.dropout): in training each element
   * is kept with probability 1 − p and scaled by 1/(1 − p), so the expected value is unchanged and
   * evaluation needs no rescaling; {@code y = x·mask/(1 − p)}, {@code dx = g·mask/(1 − p)} with the
   * same mask. Not training, or p = 0: the input itself. p = 1: zeros. torch's default p is 0.5.
   *
   * @param rng the generator the mask is drawn from (one uniform draw per element, in order); may be
   *     null only when no mask is drawn (not training, p = 0 or p = 1)
   */
  public static Tensor dropout(Tensor x, float p, boolean training, Rng rng) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("dropout: p must be in [0, 1], got " + p
          + "; p is the probability of zeroing an element (torch's default is 0.5)");
    }
    if (!training || p == 0) return x;
    float[] v = x.data();
    float[] scale = new float[v.length];
    dropoutScale(scale, p, rng);
    float[] y = new float[v.length];
    for (int i = 0; i < y.length; i++) y[i] = v[i] * scale[i];
    return Autograd.record(y, x.shape(), "dropout", g -> {
      float[] gd = g.data();
      float[] dx = new float[gd.length];
      for (int i = 0; i < dx.length; i++) dx[i] = gd[i] * scale[i];
      return new Tensor[] {Tensor.of(dx, x.shape())};
    }, x);
  }

  /**
   * Fills {@code scale} with dropout's mask times {@code 1/(1 − p)}: each element 0 with probability
   * {@code p} (one {@code rng.nextDouble()} per element, in order), else {@code 1/(1 − p)}; all 0 when
   * {@code p == 1}.
   */
  public static void dropoutScale(float[] scale, float p, Rng rng) {
    if (p >= 1) {
      java.util.Arrays.fill(scale, 0f);
      return;
    }
    if (rng == null) throw new IllegalArgumentException("dropout: training with 0 < p < 1 needs an Rng, got null");
    float keep = (float) (1.0 / (1.0 - p));
    for (int i = 0; i < scale.length; i++) scale[i] = rng.nextDouble() < p ? 0f : keep;
  }
}
