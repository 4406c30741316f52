package org.deepgrad.diagnostics;

import java.util.Arrays;

/**
 * The one number behind each kind of finding, measured on any history whether the finding is there or
 * not: the quantity its rule compares with its threshold (the extreme over the layers where the rule
 * looks at each layer), so a tool can show it before and after a change. NaN where it cannot be
 * measured (no input statistics, no finite sampled step, too few samples).
 *
 * <pre>
 * kind               measure                                                         finding when
 * INPUT_NAN_OR_INF   NaN and infinite values in the training inputs                  &gt; 0
 * INPUT_SCALE        the inputs' root mean square r                                  &gt; 10 or &lt; 0.1 (or one feature &gt; 10·r)
 * CONSTANT_FEATURES  features constant at a value other than 0                       &gt; 0 (or every feature constant)
 * VANISHING          smallest ratio of a layer's gradient to the last layer's:       &lt; 1e-3
 *                    min over layers and over ρ (weight gradient), υ (update), β (back-propagated)
 * EXPLODING          largest back-propagated gradient ratio to the last layer, β     &gt; 1e3 (or a jump of the norm)
 * SATURATED          largest saturated fraction of a layer                           &gt; 0.5
 * DEAD_UNITS         largest dead-unit fraction of a layer                           &gt; 0.4
 * NAN_OR_INF         recorded steps holding a NaN or infinity                        &gt; 0
 * LR_TOO_HIGH        largest update ratio ‖Δw‖/‖w‖ of a layer, U                       &gt; 3e-2
 * LR_TOO_LOW         the same U                                                      &lt; 3e-5
 * STALLED            relative change of the loss, first samples to last             &lt; 0.05
 * INIT_MISMATCH      the variance factor R of the stack furthest from 1             outside [1e-2, 1e2]
 * </pre>
 *
 * A rule has a second test for some kinds (in parentheses): a finding can be present while its measure
 * looks fine, or gone while it does not; the finding's presence is the verdict, the measure its size.
 *
 * @param kind the kind of finding
 * @param label what is measured, in a few words
 */
public record Measure(Finding.Kind kind, String label) {

  /** The measure of {@code kind}. */
  public static Measure of(Finding.Kind kind) {
    return new Measure(kind, switch (kind) {
      case INPUT_NAN_OR_INF -> "non-finite input values";
      case INPUT_SCALE -> "input RMS";
      case CONSTANT_FEATURES -> "constant features other than 0";
      case VANISHING -> "min gradient ratio to last layer";
      case EXPLODING -> "max back-propagated ratio to last layer";
      case SATURATED -> "max saturated fraction";
      case DEAD_UNITS -> "max dead fraction";
      case NAN_OR_INF -> "non-finite steps";
      case LR_TOO_HIGH, LR_TOO_LOW -> "max update ratio";
      case STALLED -> "relative loss change";
      case INIT_MISMATCH -> "stack variance factor";
    });
  }

  /** The measure on {@code h}; NaN when it cannot be measured. */
  public double value(History h) {
    InputStats in = h.inputs();
    int last = h.layers().size() - 1;
    return switch (kind) {
      case INPUT_NAN_OR_INF -> in == null ? Double.NaN : Arrays.stream(in.nonFinite()).sum();
      case INPUT_SCALE -> in == null ? Double.NaN : in.rms();
      case CONSTANT_FEATURES -> in == null ? Double.NaN : ConstantFeaturesRule.nonZero(in);
      case VANISHING -> last < 1 ? Double.NaN : min(last, h.recentRatioToLast(l -> l.weight().gradRms()),
          h.recentRatioToLast(l -> l.weight().updateRatio()), h.recentRatioToLast(LayerStats::outputGradRms));
      case EXPLODING -> last < 1 ? Double.NaN : max(Arrays.copyOf(h.recentRatioToLast(LayerStats::outputGradRms), last));
      case SATURATED -> max(SaturationRule.fractions(h));
      case DEAD_UNITS -> max(DeadUnitsRule.fractions(h));
      case NAN_OR_INF -> h.steps().stream().filter(NonFiniteRule::bad).count();
      case LR_TOO_HIGH, LR_TOO_LOW -> LearningRateRule.fastest(LearningRateRule.updateRatios(h));
      case STALLED -> {
        double[] ends = StalledRule.ends(h);
        yield ends == null ? Double.NaN : StalledRule.change(ends);
      }
      case INIT_MISMATCH -> InitMismatchRule.stacks(h).stream().mapToDouble(InitMismatchRule.Stack::factor)
          .boxed().max((a, b) -> Double.compare(Math.abs(Math.log(a)), Math.abs(Math.log(b)))).orElse(1.0);
    };
  }

  /** The smallest non-NaN value among the first {@code n} entries of each of {@code arrays} (the layers before the last); NaN when none. */
  private static double min(int n, double[]... arrays) {
    return Arrays.stream(arrays).flatMapToDouble(a -> Arrays.stream(a, 0, n)).filter(v -> !Double.isNaN(v)).min()
        .orElse(Double.NaN);
  }

  /** The largest non-NaN value; NaN when none. */
  private static double max(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
  }
}
