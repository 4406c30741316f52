package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Glorot (Xavier) uniform, torch's {@code xavier_uniform_(gain)}:
 *
 * <pre>std = gain·√(2/(fanIn + fanOut)),  W ~ U(-√3·std, √3·std) = U(±gain·√(6/(fanIn + fanOut)))</pre>
 *
 * <p>Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural networks",
 * AISTATS 2010 (their "normalized initialization", eq. 16): the compromise between keeping forward
 * activations (fanIn) and backward gradients (fanOut) at constant variance, derived for tanh-like
 * units near 0. Some tutorials call N(0, 1/fanIn) "Xavier"; that is LeCun's ({@link Init#lecunNormal()}).
 *
 * @param gain finite and &gt; 0 (see {@link Gain}); 1 by default
 */
public record XavierUniform(double gain) implements FanBased {

  /** Validates gain finite and &gt; 0. */
  public XavierUniform {
    XavierNormal.checkGain("xavier_uniform", gain);
  }

  @Override
  public void fill(Tensor t, Fans fans, Rng rng) {
    double bound = Math.sqrt(3.0) * gain * Math.sqrt(2.0 / ((double) fans.fanIn() + fans.fanOut()));
    Uniform.fill(t.data(), -bound, bound, rng);
  }
}
