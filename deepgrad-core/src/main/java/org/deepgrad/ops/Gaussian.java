package org.deepgrad.ops;

/**
 * The standard normal CDF and density, for the exact GELU.
 *
 * <p>The CDF goes through the complementary error function, {@code Φ(x) = erfc(−x/√2) / 2}, so both
 * tails keep their relative precision (x·Φ(x) for x = −10 is about −7.6e-23, not 0 or noise).
 * {@code erfc} is the Chebyshev fit "erfcc" of Numerical Recipes (Press et al., Numerical Recipes in
 * C, 2nd ed., §6.2), evaluated in double: its relative error is below 1.2e-7 for every argument,
 * which is float32 precision (ulp/2 = 6e-8 relative), so the float32 GELU is accurate to about 1 ulp.
 */
final class Gaussian {
  private static final double INV_SQRT2 = 0.7071067811865476;
  private static final double INV_SQRT_2PI = 0.3989422804014327;

  private Gaussian() {}

  /** {@code erfc(z) = 1 − erf(z)}, relative error < 1.2e-7 (Numerical Recipes' erfcc). */
  static double erfc(double z) {
    double a = Math.abs(z);
    double t = 1.0 / (1.0 + 0.5 * a);
    double r = t * Math.exp(-a * a - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return z >= 0 ? r : 2.0 - r;
  }

  /** Standard normal CDF {@code Φ(x) = erfc(−x/√2) / 2}. */
  static double cdf(double x) {
    return 0.5 * erfc(-x * INV_SQRT2);
  }

  /** Standard normal density {@code φ(x) = exp(−x²/2) / √(2π)}. */
  static double pdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }
}
