package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LR_TOO_HIGH / LR_TOO_LOW: the update-to-weight ratio ‖Δw‖/‖w‖ of the Linear weights, which Karpathy's
 * rule of thumb (CS231n, "Neural Networks Part 3": "somewhere around 1e-3") puts near 10⁻³. With
 * u_l the median over the recent sampled steps of layer l's ratio (steps where the layer got no gradient
 * at all are left out: a dead layer says nothing about the learning rate), and U = max_l u_l:
 *
 * <pre>
 * LR_TOO_HIGH   U &gt; HIGH: some layer's weights move by more than 3% of their norm per step
 * LR_TOO_LOW    U &lt; LOW: even the fastest layer moves by less than 3·10⁻⁵ of its norm per step
 * </pre>
 *
 * The fastest layer, not a typical one, decides LR_TOO_LOW, so vanishing gradients (slow first layers,
 * a fast last one) are not mistaken for a small learning rate. LR_TOO_HIGH is not reported while the
 * loss falls at every one of at least {@link #MIN_FALLING} recent samples: large steps that keep
 * lowering the loss are fast progress, not overshoot (full-batch GD on y = 2x,
 * examples/linreg-full-batch.yaml, moves its one weight by 14% a step on its way to the answer).
 */
final class LearningRateRule implements Rule {
  /**
   * 30 times Karpathy's 10⁻³ (1.5 orders of magnitude). Measured on our test MLPs: SGD at lr 0.1 to 1 and
   * Adam at 10⁻³ to 10⁻² settle at 0.002 to 0.018 within 30 steps; SGD at lr 3 stays at 0.06 to 0.15,
   * saturating tanh layers or killing ReLU units.
   */
  static final double HIGH = 3e-2;
  /** 30 times below Karpathy's 10⁻³; SGD at lr 10⁻⁷ gives 10⁻⁸, healthy runs stay above 10⁻⁴. */
  static final double LOW = 3e-5;
  /** Recent samples whose losses must each be below the one before to excuse a high ratio. */
  static final int MIN_FALLING = 3;

  @Override
  public Optional<Finding> check(History h) {
    if (h.recent().isEmpty()) return Optional.empty();
    double[] u = updateRatios(h);
    double max = fastest(u);
    if (Double.isNaN(max) || (max <= HIGH && max >= LOW)) return Optional.empty();
    boolean high = max > HIGH;
    if (high && lossFallsAtEverySample(h.recent())) return Optional.empty();
    List<Integer> flagged = new ArrayList<>();
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("learning rate", h.recent().get(h.recent().size() - 1).lr());
    for (int l = 0; l < u.length; l++) {
      if (!high || u[l] > HIGH) {
        flagged.add(l);
        numbers.put("update ratio, " + h.layers().get(l).name(), u[l]);
      }
    }
    String why = high
        ? "The weights of layer " + h.layers().get(flagged.get(0)).name() + " change by ‖Δw‖/‖w‖ = "
            + History.fmt(u[flagged.get(0)]) + " at each step, far above the ~1e-3 that trains steadily: the steps overshoot."
        : "Even the fastest-changing weights move by only ‖Δw‖/‖w‖ = " + History.fmt(max) + " per step, "
            + "far below the ~1e-3 that trains steadily: learning crawls.";
    return Optional.of(new Finding(high ? Finding.Kind.LR_TOO_HIGH : Finding.Kind.LR_TOO_LOW, Finding.Severity.WARNING,
        h.names(flagged), numbers, why, high ? List.of(Remedy.of(Remedy.Kind.LR_DOWN), Remedy.of(Remedy.Kind.CLIP_NORM))
            : List.of(Remedy.of(Remedy.Kind.LR_UP), Remedy.of(Remedy.Kind.OPTIMIZER_ADAM))));
  }

  /** Each layer's update ratio u_l, the median over the recent steps where the layer got a gradient. */
  static double[] updateRatios(History h) {
    return h.recentMedian((s, l) -> l.weight().gradNorm() > 0 ? l.weight().updateRatio() : Double.NaN);
  }

  /** U = max_l u_l, ignoring NaN; NaN when no layer has a ratio. */
  static double fastest(double[] u) {
    return Arrays.stream(u).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
  }

  private static boolean lossFallsAtEverySample(List<StepStats> recent) {
    if (recent.size() < MIN_FALLING) return false;
    for (int i = 1; i < recent.size(); i++) if (!(recent.get(i).loss() < recent.get(i - 1).loss())) return false;
    return true;
  }
}
