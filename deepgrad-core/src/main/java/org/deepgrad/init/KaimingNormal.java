package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * He (Kaiming) normal, torch's {@code kaiming_normal_(a, mode, nonlinearity)}:
 *
 * <pre>gain = Gain.calculate(nonlinearity, a),  W ~ N(0, std²),  std = gain/√fan</pre>
 *
 * <p>fan is fanIn or fanOut per {@code mode}. He et al., ICCV 2015, eq. 10 (FAN_IN) and eq. 14
 * (FAN_OUT): std = √(2/fan) for ReLU. With gain 1 (linear) and FAN_IN it is LeCun's N(0, 1/fanIn).
 *
 * @param a negative slope of leaky_relu (ignored by other nonlinearities, as in torch), finite
 */
public record KaimingNormal(double a, FanMode mode, Nonlinearity nonlinearity) implements FanBased {

  /** Validates a finite, and mode and nonlinearity given (non-null). */
  public KaimingNormal {
    check("kaiming_normal", a, mode, nonlinearity);
  }

  @Override
  public void fill(Tensor t, Fans fans, Rng rng) {
    Normal.fill(t.data(), 0, Gain.calculate(nonlinearity, a) / Math.sqrt(fans.get(mode)), rng);
  }

  static void check(String init, double a, FanMode mode, Nonlinearity nonlinearity) {
    if (!Double.isFinite(a)) {
      throw new IllegalArgumentException(init + " init: a (the leaky_relu negative slope) must be finite, got " + a);
    }
    if (mode == null || nonlinearity == null) {
      throw new IllegalArgumentException(init + " init: give a fan mode and a nonlinearity, got " + mode + ", "
          + nonlinearity + "; torch's defaults are FAN_IN and LEAKY_RELU");
    }
  }
}
