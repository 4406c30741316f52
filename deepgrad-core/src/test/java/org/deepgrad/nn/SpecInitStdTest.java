package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The standard deviation of the weights a 256-256-10 MLP's first dense layer is drawn with, for every
 * activation after it, against torch.nn.init's formulas with torch's default arguments
 * ({@code xavier_*_(w)}: √(2/(fanIn+fanOut)); {@code kaiming_*_(w)}: a = 0, fan_in, leaky_relu, so
 * √2/√fanIn; {@code orthogonal_(w)}: a square orthogonal matrix, 1/√n) and, for {@code NAME:auto},
 * those formulas times {@code calculate_gain} of the activation.
 *
 * <p>Why this cannot flake: the seed is fixed, so every run draws the same weights. And across seeds
 * the margin is wide: the sample standard deviation of n = 65,536 draws has a relative standard error
 * of about 1/√(2n) = 0.28% for a normal (less for a uniform), against a 2% tolerance (7 standard
 * errors); the orthogonal matrix's is exact. The gains the old rule gave (√2 before relu, 5/3 before
 * tanh) are 41% and 67% off, far outside it.
 */
class SpecInitStdTest {
  private static final int N = 256;
  private static final double TOLERANCE = 0.02;
  private static final double XAVIER = Math.sqrt(2.0 / (N + N));
  private static final double KAIMING = Math.sqrt(2.0) / Math.sqrt(N);
  private static final double ORTHOGONAL = 1 / Math.sqrt(N);

  static Stream<Arguments> defaults() {
    List<Arguments> cases = new ArrayList<>();
    for (Activation.Kind act : Activation.Kind.values()) {
      cases.add(Arguments.of("xavier_uniform", act, XAVIER));
      cases.add(Arguments.of("xavier_normal", act, XAVIER));
      cases.add(Arguments.of("kaiming_uniform", act, KAIMING));
      cases.add(Arguments.of("kaiming_normal", act, KAIMING));
      cases.add(Arguments.of("orthogonal", act, ORTHOGONAL));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} before {1}")
  @MethodSource("defaults")
  void torchNamesDrawWithTorchsDefaultArguments(String init, Activation.Kind act, double std) {
    assertEquals(std, firstLayerStd(init, act), TOLERANCE * std);
  }

  static Stream<Arguments> auto() {
    double leaky = Math.sqrt(2 / (1 + 0.01 * 0.01)); // calculate_gain('leaky_relu', 0.01), Activation's slope
    double[] gains = {1, 1, 5.0 / 3, Math.sqrt(2), leaky};
    Activation.Kind[] acts = {Activation.Kind.IDENTITY, Activation.Kind.SIGMOID, Activation.Kind.TANH,
        Activation.Kind.RELU, Activation.Kind.LEAKY_RELU};
    List<Arguments> cases = new ArrayList<>();
    for (int k = 0; k < acts.length; k++) {
      double g = gains[k];
      cases.add(Arguments.of("xavier_uniform:auto", acts[k], g * XAVIER));
      cases.add(Arguments.of("xavier_normal:auto", acts[k], g * XAVIER));
      cases.add(Arguments.of("kaiming_uniform:auto", acts[k], g / Math.sqrt(N)));
      cases.add(Arguments.of("kaiming_normal:auto", acts[k], g / Math.sqrt(N)));
      cases.add(Arguments.of("orthogonal:auto", acts[k], g * ORTHOGONAL));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} before {1}")
  @MethodSource("auto")
  void autoMultipliesByTheGainOfTheActivation(String init, Activation.Kind act, double std) {
    assertEquals(std, firstLayerStd(init, act), TOLERANCE * std);
  }

  private static double firstLayerStd(String init, Activation.Kind act) {
    ModelSpec spec = ModelSpec.mlp(N, new int[] {N}, 10, act.configName(), init, false, 0, false);
    float[] w = spec.build(new Rng(7)).stateDict().get("0.weight").data();
    double mean = 0;
    for (float x : w) mean += x;
    mean /= w.length;
    double sq = 0;
    for (float x : w) sq += (x - mean) * (x - mean);
    return Math.sqrt(sq / w.length);
  }
}
