package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * He (Kaiming) uniform, torch's {@code kaiming_uniform_(a, mode, nonlinearity)}:
 *
 * <pre>gain = Gain.calculate(nonlinearity, a),  std = gain/√fan,  W ~ U(-√3·std, √3·std)</pre>
 *
 * <p>fan is fanIn or fanOut per {@code mode}. He, Zhang, Ren and Sun, "Delving Deep into Rectifiers",
 * ICCV 2015: with ReLU (gain √2) the variance of activations (FAN_IN) or gradients (FAN_OUT) stays
 * constant through depth. torch's defaults are a = 0, FAN_IN, leaky_relu (which with slope 0 is relu:
 * bound √(6/fanIn)). With a = √5 it is torch's default Linear weight init, U(±1/√fanIn) ({@link Standard}).
 *
 * @param a negative slope of leaky_relu (ignored by other nonlinearities, as in torch), finite
 */
public record KaimingUniform(double a, FanMode mode, Nonlinearity nonlinearity) implements FanBased {

  /** Validates a finite, and mode and nonlinearity given (non-null). */
  public KaimingUniform {
    KaimingNormal.check("kaiming_uniform", a, mode, nonlinearity);
  }

  @Override
  public void fill(Tensor t, Fans fans, Rng rng) {
    double bound = Math.sqrt(3.0) * Gain.calculate(nonlinearity, a) / Math.sqrt(fans.get(mode));
    Uniform.fill(t.data(), -bound, bound, rng);
  }
}
