package org.deepgrad.init;

/**
 * The recommended gain for a nonlinearity, torch.nn.init.calculate_gain: the factor that keeps the
 * variance of activations steady through the layer.
 *
 * <pre>
 * linear, identity, conv*, sigmoid   1
 * tanh                               5/3
 * relu                               √2
 * leaky_relu (negative slope s)      √(2/(1+s²))   (s = 0.01 when not given)
 * selu                               3/4
 * </pre>
 */
public final class Gain {
  /** The negative slope torch assumes for leaky_relu when none is given. */
  public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

  private Gain() {}

  /**
   * The gain of {@code nonlinearity}; {@code param} is the negative slope of leaky_relu and, as in
   * torch, ignored for the others.
   */
  public static double calculate(Nonlinearity nonlinearity, double param) {
    switch (nonlinearity) {
      case TANH:
        return 5.0 / 3;
      case RELU:
        return Math.sqrt(2.0);
      case LEAKY_RELU:
        if (!Double.isFinite(param)) {
          throw new IllegalArgumentException("leaky_relu gain: negative slope must be finite, got " + param);
        }
        return Math.sqrt(2.0 / (1 + param * param));
      case SELU:
        return 3.0 / 4;
      default:
        return 1.0; // linear, identity, the convolutions and sigmoid
    }
  }

  /** The gain with torch's default parameter (negative slope 0.01 for leaky_relu). */
  public static double calculate(Nonlinearity nonlinearity) {
    return calculate(nonlinearity, DEFAULT_NEGATIVE_SLOPE);
  }

  /** The gain of the nonlinearity with this torch name, e.g. {@code calculate("leaky_relu", 0.2)}. */
  public static double calculate(String nonlinearity, double param) {
    return calculate(Nonlinearity.byName(nonlinearity), param);
  }

  /** The gain of the nonlinearity with this torch name, with torch's default parameter. */
  public static double calculate(String nonlinearity) {
    return calculate(Nonlinearity.byName(nonlinearity));
  }
}
