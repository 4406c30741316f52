package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SATURATED: a sigmoid, tanh or softsign layer whose median saturated fraction ({@link Saturation})
 * over the recent sampled steps exceeds {@link #FRACTION}. A saturated unit's derivative is below 4%
 * of its maximum, so it passes almost no gradient back (Glorot &amp; Bengio 2010, section 3: the top
 * sigmoid layer of a deep network saturates at 0 early in training and is slow to leave it).
 */
final class SaturationRule implements Rule {
  /**
   * Flag a layer when more than half of its activations are saturated: then most of the layer's
   * gradient is cut off. Well-initialized tanh layers start near 1% (|z| &gt; 2.65 at unit variance);
   * Glorot &amp; Bengio's saturated top sigmoid layer is near 100%. Our choice between the two.
   */
  static final double FRACTION = 0.5;

  @Override
  public Optional<Finding> check(History h) {
    if (h.recent().isEmpty()) return Optional.empty();
    double[] sat = fractions(h);
    List<Integer> flagged = new ArrayList<>();
    Map<String, Double> numbers = new LinkedHashMap<>();
    for (int l = 0; l < sat.length; l++) {
      if (sat[l] > FRACTION) {
        flagged.add(l);
        numbers.put("saturated fraction, " + h.layers().get(l).name(), sat[l]);
      }
    }
    if (flagged.isEmpty()) return Optional.empty();
    LayerInfo first = h.layers().get(flagged.get(0));
    List<Remedy> remedies = new ArrayList<>(Remedies.fitting(h.layers(flagged)));
    remedies.add(Remedy.of(Remedy.Kind.LR_DOWN));
    return Optional.of(new Finding(Finding.Kind.SATURATED, Finding.Severity.WARNING, h.names(flagged), numbers,
        History.fmt(100 * sat[flagged.get(0)]) + "% of the " + first.activation().configName() + " outputs of layer "
            + first.name() + " sit in the flat ends of the function, where the derivative is near 0, "
            + "so little gradient passes through them.", remedies));
  }

  /** Each layer's saturated fraction, the median over the recent steps; NaN for an activation that cannot saturate. */
  static double[] fractions(History h) {
    return h.recentMedian((s, l) -> l.saturation());
  }
}
