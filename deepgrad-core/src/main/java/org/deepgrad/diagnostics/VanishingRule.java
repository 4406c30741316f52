package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VANISHING: the early layers learn orders of magnitude slower than the last one, or the gradient
 * reaching them has all but disappeared. For each layer l before the last layer L, over the
 * {@link History#WINDOW recent} sampled steps, the medians of
 *
 * <pre>
 * ρ_l = rms(∂loss/∂W_l) / rms(∂loss/∂W_L)      (weight-gradient RMS, so layer sizes do not matter)
 * υ_l = updateRatio(W_l) / updateRatio(W_L)
 * β_l = rms(∂loss/∂a_l) / rms(∂loss/∂a_L)      (the back-propagated gradient at the layers' outputs)
 * </pre>
 *
 * flag the layer when any is below {@link #RATIO}. β catches what ρ misses: the weight gradient
 * {@code ∂loss/∂W_l = δ_lᵀ·a_(l−1)} multiplies a back-propagated gradient that shrinks toward the input
 * by activations that grow toward it, and the two cancel when both come from the same too-small
 * weights (Glorot &amp; Bengio 2010, section 4.2.1): a 30-layer ReLU net with Xavier init has weight
 * gradients of about equal size in every layer, yet its signal dies both ways and it does not learn
 * (He et al. 2015, fig. 3). Back-propagation multiplies the gradient at every
 * layer by Wᵀ·f'(z), whose scale is about √(fanOut·Var(W))·rms(f'); below 1 it shrinks geometrically
 * with depth (Hochreiter 1991; Bengio, Simard &amp; Frasconi 1994; measured by Glorot &amp; Bengio 2010, fig. 7).
 * In a network without normalization, fewer layers are one of the remedies: as many as keep
 * factor^depth above {@link #KEPT}.
 */
final class VanishingRule implements Rule {
  /**
   * Flag a layer whose gradient (or update) is below 1/1000 of the last layer's: three orders of
   * magnitude, which a 10-layer sigmoid stack with standard init (about 0.14 per layer, so 10⁻⁸) crosses
   * by far and a healthy ReLU network with He init (about 1 per layer) never approaches. A 5-layer sigmoid
   * stack (0.14⁵ ≈ 5·10⁻⁵) is flagged, a 3-layer one (3·10⁻³) is not. Our choice; the papers give no number.
   */
  static final double RATIO = 1e-3;

  /**
   * A shallower network is suggested at the depth that keeps the first layer's gradient above
   * {@code KEPT} of the last one's at the measured factor per layer: ten times the threshold, so the
   * shallower network is not at its edge. Our choice.
   */
  static final double KEPT = 1e-2;

  @Override
  public Optional<Finding> check(History h) {
    int last = h.layers().size() - 1;
    if (last < 1 || h.recent().isEmpty()) return Optional.empty();
    double[] grad = h.recentRatioToLast(l -> l.weight().gradRms());
    double[] update = h.recentRatioToLast(l -> l.weight().updateRatio());
    double[] backprop = h.recentRatioToLast(LayerStats::outputGradRms);
    List<Integer> flagged = new ArrayList<>();
    for (int l = 0; l < last; l++) if (grad[l] < RATIO || update[l] < RATIO || backprop[l] < RATIO) flagged.add(l);
    if (flagged.isEmpty()) return Optional.empty();
    Map<String, Double> numbers = new LinkedHashMap<>();
    for (int l : flagged) {
      numbers.put("gradient ratio to last layer, " + h.layers().get(l).name(), grad[l]);
      numbers.put("update ratio to last layer, " + h.layers().get(l).name(), update[l]);
      numbers.put("back-propagated gradient ratio to last layer, " + h.layers().get(l).name(), backprop[l]);
    }
    int f0 = flagged.get(0);
    boolean byBackprop = !(grad[f0] < RATIO) && backprop[f0] < RATIO;
    double[] shown = byBackprop ? backprop : grad;
    List<Remedy> remedies = new ArrayList<>(Remedies.fitting(h.layers()));
    remedies.add(Remedy.of(Remedy.Kind.RESIDUAL));
    remedies.add(Remedy.of(Remedy.Kind.OPTIMIZER_ADAM));
    String first = h.layers().get(f0).name();
    String why;
    if (shown[f0] == 0) { // nothing at all came back: no geometric shrinking to speak of
      why = byBackprop ? "No gradient is back-propagated to the output of layer " + first + ": it is exactly 0."
          : "No gradient reaches the weights of layer " + first + ": their gradient is exactly 0, so the layer does not learn.";
    } else {
      double perLayer = Math.pow(shown[0], 1.0 / last);
      numbers.put("gradient factor per layer", perLayer);
      int depth = shallower(perLayer);
      boolean plain = h.layers().stream().noneMatch(LayerInfo::normalized);
      if (plain && depth >= 1 && depth < last) {
        remedies.add(new Remedy(Remedy.Kind.SHALLOWER, List.of(), Map.of("depth", (double) depth)));
      }
      why = (byBackprop ? "The gradient back-propagated to layer " : "The gradient reaching layer ") + first + " is "
          + History.fmt(shown[f0]) + " times the last layer's: back-propagation scales it by about "
          + History.fmt(perLayer) + " per layer, so the first layers barely learn.";
    }
    return Optional.of(new Finding(Finding.Kind.VANISHING, Finding.Severity.WARNING, h.names(flagged), numbers, why,
        remedies));
  }

  /** The most hidden layers d with factor^d ≥ {@link #KEPT}: ⌊ln KEPT / ln factor⌋; 0 when the factor is not in (0, 1). */
  static int shallower(double factor) {
    return factor > 0 && factor < 1 ? (int) Math.floor(Math.log(KEPT) / Math.log(factor)) : 0;
  }
}
