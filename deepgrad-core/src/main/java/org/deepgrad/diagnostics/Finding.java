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
 * @param remedies fixes from the literature that fit the case, most specific first
 */
public record Finding(Kind kind, Severity severity, List<String> layers, Map<String, Double> numbers,
    String explanation, List<Remedy> remedies) {

  /** Copies the collections, keeping the order of the numbers. */
  public Finding {
    layers = List.copyOf(layers);
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    remedies = List.copyOf(remedies);
  }

  /** The kinds of finding; docs/diagnostics.md describes the rule behind each. */
  public enum Kind {
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
