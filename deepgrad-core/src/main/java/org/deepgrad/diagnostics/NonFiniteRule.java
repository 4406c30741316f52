package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NAN_OR_INF: the first recorded step where the loss, the global gradient norm, or any layer's
 * activation, back-propagated gradient, weight or weight gradient holds a NaN or infinity. Any
 * non-finite value is a failure, so there is no threshold. The offending layer is, at that step (or,
 * when the loss went bad between samples, at the next sampled step, which the recorder forces):
 * in the forward pass, the first layer in depth order with a non-finite activation or weight; else in
 * the backward pass, the first layer the gradient reaches (the deepest) with a non-finite gradient.
 */
final class NonFiniteRule implements Rule {

  @Override
  public Optional<Finding> check(History h) {
    List<StepStats> steps = h.steps();
    int first = -1;
    for (int i = 0; i < steps.size() && first < 0; i++) if (bad(steps.get(i))) first = i;
    if (first < 0) return Optional.empty();
    StepStats at = steps.get(first);
    StepStats probe = at;
    for (int i = first + 1; !probe.sampled() && i < steps.size(); i++) probe = steps.get(i);
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("step", (double) at.step());
    numbers.put("loss", at.loss());
    String where = "";
    List<String> layers = List.of();
    LayerStats forward = null;
    LayerStats backward = null;
    for (LayerStats l : probe.layers()) {
      if (forward == null && (badWeights(l) || (l.activation() != null && l.activation().nonFinite() > 0))) forward = l;
      if (l.nonFinite() > 0) backward = l; // the deepest bad one: the first the gradient reaches
    }
    LayerStats culprit = forward != null ? forward : backward;
    if (culprit != null) {
      layers = List.of(culprit.name());
      numbers.put("non-finite values in layer " + culprit.name(), (double) culprit.nonFinite());
      String what = forward == null ? "the gradient back-propagated to it" : badWeights(forward)
          ? "its weights (set by the previous update)" : "its activations in the forward pass";
      where = " First offending layer: " + culprit.name() + ", " + what
          + (probe == at ? "" : ", at step " + probe.step() + ", the next sampled step") + ".";
    }
    return Optional.of(new Finding(Finding.Kind.NAN_OR_INF, Finding.Severity.ERROR, layers, numbers,
        "A NaN or infinity appeared at step " + at.step() + " (loss " + at.loss() + "): once one is in the weights"
            + " every later step is NaN." + where,
        remedies(h)));
  }

  /**
   * A lower learning rate and clipping; when the inputs' statistics were not measured, also a look at
   * the inputs and standardizing them (when they were, INPUT_NAN_OR_INF and INPUT_SCALE speak for them).
   */
  private static List<Remedy> remedies(History h) {
    List<Remedy> out = new ArrayList<>(List.of(Remedy.of(Remedy.Kind.LR_DOWN), Remedy.of(Remedy.Kind.CLIP_NORM)));
    if (h.inputs() == null) {
      out.add(Remedy.of(Remedy.Kind.CHECK_INPUTS));
      out.add(Remedy.of(Remedy.Kind.STANDARDIZE_INPUTS));
    }
    return out;
  }

  private static boolean badWeights(LayerStats l) {
    return l.params().stream().anyMatch(p -> p.nonFiniteWeight() > 0);
  }

  /** Whether {@code s} holds a NaN or infinity: its loss, its gradient norm (unsampled records are failed steps) or a layer's values. */
  static boolean bad(StepStats s) {
    return !Double.isFinite(s.loss()) || !Double.isFinite(s.gradNormBefore())
        || s.layers().stream().anyMatch(l -> l.nonFinite() > 0);
  }
}
