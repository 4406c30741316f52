package org.deepgrad.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each random initializer on a [500, 2000] weight (fanIn 2000, fanOut 500, n = 10⁶ draws) has the
 * mean, variance and shape of distribution its formula gives.
 *
 * <p>Why this cannot flake: the seed is fixed, so the draws are the same on every run. And even
 * across seeds the margins are wide: the standard error of the variance estimate is var·√(2/n) ≈
 * 0.14% for a normal (less for a uniform), against a 2% tolerance (14 standard errors); that of the
 * mean is std/√n = 0.1% of std against 1%; that of the kurtosis is √(24/n) ≈ 0.005 against 0.1.
 */
class InitVarianceTest {
  private static final int OUT = 500;
  private static final int IN = 2000;
  private static final double UNIFORM_KURTOSIS = 1.8;
  private static final double NORMAL_KURTOSIS = 3.0;

  static Stream<Arguments> cases() {
    double sqrt2 = Math.sqrt(2);
    return Stream.of(
        // name, initializer, mean, variance, kurtosis of its family
        Arguments.of("uniform(-0.5, 1.5)", Init.uniform(-0.5, 1.5), 0.5, 4.0 / 12, UNIFORM_KURTOSIS),
        Arguments.of("normal(1, 2)", Init.normal(1, 2), 1.0, 4.0, NORMAL_KURTOSIS),
        Arguments.of("xavier_uniform(gain 2)", Init.xavierUniform(2), 0.0, 4 * 2.0 / (IN + OUT), UNIFORM_KURTOSIS),
        Arguments.of("xavier_normal", Init.xavierNormal(1), 0.0, 2.0 / (IN + OUT), NORMAL_KURTOSIS),
        Arguments.of("kaiming_uniform(0.2, fan_out, leaky_relu)",
            Init.kaimingUniform(0.2, FanMode.FAN_OUT, Nonlinearity.LEAKY_RELU), 0.0, 2 / 1.04 / OUT, UNIFORM_KURTOSIS),
        Arguments.of("kaiming_normal(0, fan_out, tanh)",
            Init.kaimingNormal(0, FanMode.FAN_OUT, Nonlinearity.TANH), 0.0, 25.0 / 9 / OUT, NORMAL_KURTOSIS),
        Arguments.of("he_uniform", Init.heUniform(), 0.0, 2.0 / IN, UNIFORM_KURTOSIS),
        Arguments.of("he_normal", Init.heNormal(), 0.0, sqrt2 * sqrt2 / IN, NORMAL_KURTOSIS),
        Arguments.of("lecun_uniform", Init.lecunUniform(), 0.0, 1.0 / IN, UNIFORM_KURTOSIS),
        Arguments.of("lecun_normal", Init.lecunNormal(), 0.0, 1.0 / IN, NORMAL_KURTOSIS),
        Arguments.of("standard", Init.standard(), 0.0, 1.0 / (3 * IN), UNIFORM_KURTOSIS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void momentsMatchTheFormula(String name, Initializer init, double mean, double variance, double kurtosis) {
    Tensor w = Tensor.zeros(OUT, IN);
    init.fill(w, new Rng(20240601));
    float[] d = w.data();
    double sum = 0;
    for (float x : d) sum += x;
    double m = sum / d.length;
    double m2 = 0;
    double m4 = 0;
    for (float x : d) {
      double c = (x - m) * (x - m);
      m2 += c;
      m4 += c * c;
    }
    m2 /= d.length;
    m4 /= d.length;
    double std = Math.sqrt(variance);
    assertEquals(mean, m, 0.01 * std, name + " mean");
    assertEquals(variance, m2, 0.02 * variance, name + " variance");
    assertEquals(kurtosis, m4 / (m2 * m2), 0.1, name + " kurtosis (1.8 uniform, 3 normal)");
    if (kurtosis == UNIFORM_KURTOSIS) {
      double bound = Math.sqrt(3 * variance); // bound = √3·std
      for (float x : d) assertTrue(Math.abs(x - mean) <= bound * (1 + 1e-6), name + ": " + x + " beyond ±" + bound);
    }
  }
}
