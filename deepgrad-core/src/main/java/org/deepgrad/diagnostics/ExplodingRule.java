package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EXPLODING: gradients grow over steps or across layers (Bengio, Simard &amp; Frasconi 1994; Pascanu,
 * Mikolov &amp; Bengio 2013). Two tests, the first that fires makes the finding:
 *
 * <pre>
 * over steps     the global norm ‖g‖ of a sampled step exceeds JUMP × the largest norm of the
 *                {@link History#WINDOW} sampled steps before it (at least MIN_PRIOR of them; a slow
 *                drift over a long run is not a jump, nor is the spread of per-sample gradients in
 *                batch-1 SGD); the layers named are those whose own weight-gradient norm jumped by
 *                JUMP against the same steps' median, in depth order
 * across layers  median over recent steps of rms(∂loss/∂a_l) / rms(∂loss/∂a_L) &gt; GROWTH for a layer l,
 *                a_l the layer's output: the back-propagated gradient grows on its way to the input
 * </pre>
 */
final class ExplodingRule implements Rule {
  /**
   * Across layers: a back-propagated gradient 1000 times larger at a layer than at the output, the
   * mirror of {@link VanishingRule#RATIO}. The weight gradient is not used here: for ReLU layers scaled
   * by c each, it stays level (∂loss/∂W_l = δ_l·a_{l−1}ᵀ with δ_l ∝ c^(L−l), a_{l−1} ∝ c^l) while the
   * activations and δ explode.
   */
  static final double GROWTH = 1e3;
  /**
   * Over steps: a norm ten times the largest of the recent norms. Pascanu et al. 2013 describe such
   * spikes and suggest clipping at about the average norm; an order of magnitude above every recent
   * norm is a spike no clipping-free run should see. Our choice of factor. Against the median
   * instead, batch-1 SGD on y = 2x (examples/linreg-sgd.yaml, whose per-sample norms spread over
   * orders of magnitude) read as exploding at step 190.
   */
  static final double JUMP = 10;
  /**
   * Earlier samples needed before a jump can be judged: two, so one odd first step is not the whole
   * baseline, and few, since a run with lr 10 goes from a normal norm to NaN in three or four steps.
   */
  static final int MIN_PRIOR = 2;

  @Override
  public Optional<Finding> check(History h) {
    List<StepStats> finite = h.sampled().stream().filter(History::finite).toList();
    for (int i = MIN_PRIOR; i < finite.size(); i++) {
      List<StepStats> before = finite.subList(Math.max(0, i - History.WINDOW), i);
      double base = before.stream().mapToDouble(StepStats::gradNormBefore).max().orElseThrow();
      if (finite.get(i).gradNormBefore() > JUMP * base) return Optional.of(jump(h, finite.get(i), before, base));
    }
    int last = h.layers().size() - 1;
    if (last >= 1 && !h.recent().isEmpty()) {
      double[] grad = h.recentRatioToLast(LayerStats::outputGradRms);
      List<Integer> flagged = new ArrayList<>();
      Map<String, Double> numbers = new LinkedHashMap<>();
      for (int l = 0; l < last; l++) {
        if (grad[l] > GROWTH) {
          flagged.add(l);
          numbers.put("back-propagated gradient ratio to last layer, " + h.layers().get(l).name(), grad[l]);
        }
      }
      if (!flagged.isEmpty()) {
        return Optional.of(finding(h, flagged, numbers, "The gradients grow on their way back: layer "
            + h.layers().get(flagged.get(0)).name() + " gets " + History.fmt(grad[flagged.get(0)])
            + " times the last layer's gradient."));
      }
    }
    return Optional.empty();
  }

  /** The finding for a jump at step {@code at} over the {@code earlier} steps, whose largest norm is {@code base}. */
  private static Finding jump(History h, StepStats at, List<StepStats> earlier, double base) {
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("step", (double) at.step());
    numbers.put("global gradient norm", at.gradNormBefore());
    numbers.put("largest of the norms before", base);
    List<Integer> flagged = new ArrayList<>();
    for (int l = 0; l < h.layers().size(); l++) {
      final int layer = l;
      double before = History.median(earlier.stream().mapToDouble(x -> x.layers().get(layer).weight().gradNorm()).toArray());
      double factor = at.layers().get(l).weight().gradNorm() / before;
      if (factor > JUMP) {
        flagged.add(l);
        numbers.put("gradient jump, " + h.layers().get(l).name(), factor);
      }
    }
    String where = flagged.isEmpty() ? "" : " (first offending layer in depth order: " + h.layers().get(flagged.get(0)).name() + ")";
    return finding(h, flagged, numbers, "At step " + at.step() + " the global gradient norm jumped to "
        + History.fmt(at.gradNormBefore()) + ", " + History.fmt(at.gradNormBefore() / base)
        + " times the largest before it" + where + ": the steps are large enough to throw the weights far off.");
  }

  private static Finding finding(History h, List<Integer> layers, Map<String, Double> numbers, String why) {
    List<Remedy> remedies = new ArrayList<>(List.of(Remedy.of(Remedy.Kind.CLIP_NORM), Remedy.of(Remedy.Kind.LR_DOWN)));
    remedies.addAll(Remedies.inits(h.layers()));
    remedies.addAll(Remedies.batchNorm(h.layers()));
    return new Finding(Finding.Kind.EXPLODING, Finding.Severity.ERROR, h.names(layers), numbers, why, remedies);
  }
}
