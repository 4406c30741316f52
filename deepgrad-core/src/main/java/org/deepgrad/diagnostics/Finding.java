package org.deepgrad.diagnostics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verdict on a training run: what is wrong, where, the numbers behind it, why, and what to try.
 *
 * @param kind what was found
 * @param severity how urgent it is
 * @param layers the layers concerned (module paths), in depth order; empty when the finding is global
 * @param numbers the measurements the verdict rests on, by label, in the order to show them
 * @param explanation the cause in one or two sentences
 * @param remedies fixes from the literature that fit the case and the run does not apply yet, most
 *     specific first
 * @param explainedBy the kinds of the other findings of the same verdict that can explain this one
 *     ({@link Causes}), which come before it; the explanation says how
 */
public record Finding(Kind kind, Severity severity, List<String> layers, Map<String, Double> numbers,
    String explanation, List<Remedy> remedies, List<Kind> explainedBy) {

  /** Copies the collections, keeping the order of the numbers. */
  public Finding {
    layers = List.copyOf(layers);
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    remedies = List.copyOf(remedies);
    explainedBy = List.copyOf(explainedBy);
  }

  /** A finding that no other explains (yet: {@link Verdicts} links them). */
  public Finding(Kind kind, Severity severity, List<String> layers, Map<String, Double> numbers, String explanation,
      List<Remedy> remedies) {
    this(kind, severity, layers, numbers, explanation, remedies, List.of());
  }

  /** This finding with other remedies. */
  Finding withRemedies(List<Remedy> other) {
    return new Finding(kind, severity, layers, numbers, explanation, other, explainedBy);
  }

  /** This finding with its explanation and the findings that explain it. */
  Finding withCauses(String newExplanation, List<Kind> causes) {
    return new Finding(kind, severity, layers, numbers, newExplanation, remedies, causes);
  }

  /** The kinds of finding; docs/diagnostics.md describes the rule behind each. */
  public enum Kind {
    /** Some training inputs are NaN or infinite. */
    INPUT_NAN_OR_INF,
    /** The inputs are far from the unit scale initializers assume (not standardized). */
    INPUT_SCALE,
    /** Some features have one non-zero value in every training sample, or every feature is constant. */
    CONSTANT_FEATURES,
    /** The first layers' gradients or updates are orders of magnitude below the last layer's. */
    VANISHING,
    /** Gradients grow across layers, or a step's global gradient norm jumps. */
    EXPLODING,
    /** Most activations of a sigmoid, tanh or softsign layer sit where the derivative is near 0. */
    SATURATED,
    /** Many ReLU units output 0 for a whole batch. */
    DEAD_UNITS,
    /** A NaN or infinity appeared in the loss, an activation, a gradient or a weight. */
    NAN_OR_INF,
    /** Weights change by a large fraction of their norm at each step. */
    LR_TOO_HIGH,
    /** Weights barely change at each step. */
    LR_TOO_LOW,
    /** The loss does not move. */
    STALLED,
    /** The initial weight scale does not suit the activation of a deep stack of layers. */
    INIT_MISMATCH
  }

  /** How urgent a finding is. */
  public enum Severity {
    /** Worth knowing; training may still succeed. */
    INFO,
    /** Training is likely slow or stuck. */
    WARNING,
    /** Training is failing. */
    ERROR
  }
}
