package org.deepgrad.diagnostics;

import java.util.Locale;

/**
 * Which initializer most likely drew a Linear's weights, from their standard deviation s alone:
 * {@code Linear} does not record its initializer. The candidates' standard deviations (torch.nn.init):
 *
 * <pre>
 * standard  U(±1/√fanIn)               1/√(3·fanIn)        Glorot &amp; Bengio 2010, eq. 1; torch's default
 * xavier    gain 1                     √(2/(fanIn+fanOut)) Glorot &amp; Bengio 2010, eq. 16
 * lecun     gain 1, fan-in             1/√fanIn            LeCun et al. 1998
 * he        gain √2, fan-in            √(2/fanIn)          He et al. 2015
 * </pre>
 *
 * The guess is the candidate nearest in log scale, if within {@link #TOLERANCE}; uniform and normal
 * variants share a std and cannot be told apart, nor can xavier and lecun for a square layer
 * (xavier is named then).
 */
final class InitGuess {
  /**
   * Within 15% of a candidate's std: the sample std of n ≥ 100 weights is off by about 1/√(2n) &lt; 7%,
   * and the nearest two candidates (xavier and lecun of non-square layers aside) differ by 41%.
   */
  static final double TOLERANCE = 0.15;

  private InitGuess() {}

  /** The likely initializer, e.g. {@code "standard"}, or {@code "custom (std 0.3)"} when none is near. */
  static String of(LayerInfo l) {
    String[] names = {"standard", "xavier", "lecun", "he"};
    double[] std = {1 / Math.sqrt(3.0 * l.fanIn()), Math.sqrt(2.0 / (l.fanIn() + l.fanOut())),
        1 / Math.sqrt(l.fanIn()), Math.sqrt(2.0 / l.fanIn())};
    int best = 0;
    for (int i = 1; i < std.length; i++) if (distance(l, std[i]) < distance(l, std[best])) best = i;
    return distance(l, std[best]) <= Math.log1p(TOLERANCE) ? names[best]
        : String.format(Locale.ROOT, "custom (std %.3g)", l.initialWeightStd());
  }

  private static double distance(LayerInfo l, double std) {
    return Math.abs(Math.log(l.initialWeightStd() / std));
  }
}
