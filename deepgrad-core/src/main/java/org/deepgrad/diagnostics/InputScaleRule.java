package org.deepgrad.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * INPUT_SCALE: the training inputs are far from the unit scale the initializers assume. Fan-in
 * initializers (LeCun, Xavier, He) draw Var(W) so that inputs of unit mean square give pre-activations
 * of the intended variance; the first layer's pre-activation z = Wx + b has Var(z) = Var(W)·Σ_j s_j²,
 * so with r the inputs' root mean square ({@link InputStats#rms}) it is r times the intended scale
 * (LeCun et al. 1998, Efficient BackProp, section 4.3: inputs should have zero mean and about equal,
 * unit variances). Two tests, with s_j the feature's root mean square:
 *
 * <pre>
 * overall    r &gt; SCALE or r &lt; 1/SCALE, unless the first layer is normalized
 * one        max_j s_j &gt; SCALE·r: one feature dominates the first layer's pre-activations
 * </pre>
 *
 * A batch or layer norm right after the first Linear makes the overall scale irrelevant: it divides the
 * pre-activations by their own scale, so BN(W·cx) = BN(Wx) and the gradient through it is unchanged
 * (Ioffe &amp; Szegedy 2015, section 3.3); it does not undo one feature's dominance.
 *
 * Raw 0–255 pixels give r ≈ 85 (mnist-10k); the same pixels scaled to [0, 1] 0.34, which passes, as do
 * standardized inputs (r ≈ 1).
 */
final class InputScaleRule implements Rule {
  /**
   * A factor of 10 in scale, 100 in variance: the factor {@link InitMismatchRule#COMPOUND} allows for
   * a whole stack of layers. Pre-activations 10 times their intended scale put tanh and sigmoid units
   * deep in their flat ends (|z| ≈ 10 where saturation starts near 2.6); 10 times smaller, the first
   * layer's weight gradient δ·xᵀ is 10 times smaller too. Our choice.
   */
  static final double SCALE = 10;
  /** The label of r among the finding's numbers (read by {@link Causes}). */
  static final String RMS = "input RMS";
  /** The label of the largest feature's root mean square (read by {@link Causes}). */
  static final String LARGEST = "largest feature RMS";

  @Override
  public Optional<Finding> check(History h) {
    InputStats in = h.inputs();
    if (in == null) return Optional.empty();
    double r = in.rms();
    if (!(r > 0)) return Optional.empty(); // every input 0 or none finite: CONSTANT_FEATURES, INPUT_NAN_OR_INF
    int top = 0;
    for (int j = 1; j < in.features(); j++) if (in.meanSquare(j) > in.meanSquare(top) || Double.isNaN(in.meanSquare(top))) top = j;
    double topRms = Math.sqrt(in.meanSquare(top));
    boolean normalized = !h.layers().isEmpty() && h.layers().get(0).normalized();
    boolean overall = !normalized && (r > SCALE || r < 1 / SCALE);
    boolean one = topRms > SCALE * r;
    if (!overall && !one) return Optional.empty();
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put(RMS, r);
    numbers.put("input mean", in.overallMean());
    numbers.put("input min", in.overallMin());
    numbers.put("input max", in.overallMax());
    numbers.put(LARGEST, topRms);
    numbers.put("largest feature", (double) top);
    String why = overall
        ? "The inputs are not standardized: their root mean square is " + History.fmt(r) + " (mean "
            + History.fmt(in.overallMean()) + ", values from " + History.plain(in.overallMin()) + " to "
            + History.plain(in.overallMax()) + "), where the initializers assume about 1, so the first layer's "
            + "pre-activations are " + (r > 1 ? "about " + History.fmt(r) + " times larger" : "about "
            + History.fmt(1 / r) + " times smaller") + " than its init intends."
        : "Feature " + top + " has a root mean square of " + History.fmt(topRms) + ", " + History.fmt(topRms / r)
            + " times the inputs' " + History.fmt(r) + ": it alone sets the scale of the first layer's pre-activations.";
    return Optional.of(new Finding(Finding.Kind.INPUT_SCALE, Finding.Severity.WARNING, List.of(), numbers, why,
        List.of(Remedy.of(Remedy.Kind.STANDARDIZE_INPUTS))));
  }
}
