package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Glorot (Xavier) normal, torch's {@code xavier_normal_(gain)}:
 *
 * <pre>W ~ N(0, std²),  std = gain·√(2/(fanIn + fanOut))</pre>
 *
 * <p>Glorot and Bengio, AISTATS 2010; the same variance as {@link XavierUniform}, drawn from a normal.
 *
 * @param gain finite and &gt; 0 (see {@link Gain}); 1 by default
 */
public record XavierNormal(double gain) implements FanBased {

  /** Validates gain finite and &gt; 0. */
  public XavierNormal {
    checkGain("xavier_normal", gain);
  }

  @Override
  public void fill(Tensor t, Fans fans, Rng rng) {
    Normal.fill(t.data(), 0, gain * Math.sqrt(2.0 / ((double) fans.fanIn() + fans.fanOut())), rng);
  }

  static void checkGain(String init, double gain) {
    if (!(gain > 0 && Double.isFinite(gain))) {
      throw new IllegalArgumentException(init + " init: gain must be finite and > 0, got " + gain
          + "; use 1, or Gain.calculate(nonlinearity) for the layer's activation");
    }
  }
}
