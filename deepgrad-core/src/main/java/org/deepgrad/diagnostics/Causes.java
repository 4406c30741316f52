package org.deepgrad.diagnostics;

import static org.deepgrad.diagnostics.Finding.Kind.CONSTANT_FEATURES;
import static org.deepgrad.diagnostics.Finding.Kind.DEAD_UNITS;
import static org.deepgrad.diagnostics.Finding.Kind.EXPLODING;
import static org.deepgrad.diagnostics.Finding.Kind.INIT_MISMATCH;
import static org.deepgrad.diagnostics.Finding.Kind.INPUT_NAN_OR_INF;
import static org.deepgrad.diagnostics.Finding.Kind.INPUT_SCALE;
import static org.deepgrad.diagnostics.Finding.Kind.LR_TOO_HIGH;
import static org.deepgrad.diagnostics.Finding.Kind.LR_TOO_LOW;
import static org.deepgrad.diagnostics.Finding.Kind.NAN_OR_INF;
import static org.deepgrad.diagnostics.Finding.Kind.SATURATED;
import static org.deepgrad.diagnostics.Finding.Kind.STALLED;
import static org.deepgrad.diagnostics.Finding.Kind.VANISHING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.DoubleStream;

/**
 * Which finding can explain which: a cause comes before its consequences, and a consequence says
 * which cause above explains it and how: its nearest causes, those it is not explained through
 * another finding present (INPUT_SCALE → EXPLODING → DEAD_UNITS: DEAD_UNITS names EXPLODING), while a
 * cause names every finding below it explains, directly or through others. Each {@link Link} is one mechanism from the literature, with
 * the condition under which it holds; the table has no cycle (tested), so the order exists.
 *
 * <pre>
 * INPUT_NAN_OR_INF  → NAN_OR_INF
 * INPUT_SCALE       → SATURATED, EXPLODING, DEAD_UNITS, NAN_OR_INF, LR_TOO_HIGH   (inputs, or one feature, too large)
 *                   → VANISHING                                                 (inputs too small)
 * CONSTANT_FEATURES → STALLED                                                   (every feature constant)
 * INIT_MISMATCH     → EXPLODING, SATURATED (weights too large); VANISHING (too small)
 * LR_TOO_HIGH       → EXPLODING, DEAD_UNITS, SATURATED, NAN_OR_INF
 * EXPLODING         → NAN_OR_INF, DEAD_UNITS, SATURATED
 * SATURATED         → VANISHING (a saturated layer at or above a vanishing one), STALLED
 * DEAD_UNITS        → VANISHING (a dead layer at or above a vanishing one), STALLED
 * VANISHING         → STALLED
 * LR_TOO_LOW        → STALLED
 * </pre>
 */
final class Causes {

  /** When a link holds, given the two findings and the depth of a layer by name. */
  @FunctionalInterface
  interface Condition {
    boolean holds(Finding cause, Finding effect, ToIntFunction<String> depth);
  }

  /**
   * {@code cause} can explain {@code effect} when {@code when} holds; {@code how} says by which mechanism,
   * as the end of the sentence "Likely a consequence of CAUSE above: ...".
   */
  record Link(Finding.Kind cause, Finding.Kind effect, Condition when, String how) {}

  private static final Condition ALWAYS = (c, e, d) -> true;
  /** The inputs, or one feature, far above unit scale. */
  private static final Condition LARGE_INPUTS = (c, e, d) -> number(c, InputScaleRule.RMS) > InputScaleRule.SCALE
      || number(c, InputScaleRule.LARGEST) > InputScaleRule.SCALE;
  /** The inputs far below unit scale. */
  private static final Condition SMALL_INPUTS = (c, e, d) -> number(c, InputScaleRule.RMS) < 1 / InputScaleRule.SCALE;
  private static final Condition ALL_CONSTANT = (c, e, d) ->
      number(c, ConstantFeaturesRule.CONSTANT) == number(c, ConstantFeaturesRule.FEATURES);
  private static final Condition LARGE_WEIGHTS = (c, e, d) -> factors(c).anyMatch(v -> v > 1);
  private static final Condition SMALL_WEIGHTS = (c, e, d) -> factors(c).anyMatch(v -> v < 1);
  /** Some layer of the cause sits at or above the first layer of the effect: the gradient passes it first. */
  private static final Condition ABOVE = (c, e, d) -> !e.layers().isEmpty()
      && c.layers().stream().mapToInt(d).max().orElse(-1) >= d.applyAsInt(e.layers().get(0));

  /** The table. */
  static final List<Link> LINKS = List.of(
      new Link(INPUT_NAN_OR_INF, NAN_OR_INF, ALWAYS, "a NaN in a batch makes its loss NaN"),
      new Link(INPUT_SCALE, SATURATED, LARGE_INPUTS,
          "inputs far above unit scale push the first layer's pre-activations into the flat ends"),
      new Link(INPUT_SCALE, EXPLODING, LARGE_INPUTS,
          "the first layer's weight gradient δ·xᵀ grows with the inputs, so the first steps throw the weights far off"),
      new Link(INPUT_SCALE, DEAD_UNITS, LARGE_INPUTS,
          "steps scaled by large inputs push the units' pre-activations below 0 for every sample"),
      new Link(INPUT_SCALE, NAN_OR_INF, LARGE_INPUTS, "steps scaled by large inputs overflow"),
      new Link(INPUT_SCALE, LR_TOO_HIGH, LARGE_INPUTS,
          "the first layer's steps grow with the inputs, so a learning rate that suits unit-scale inputs is too large"),
      new Link(INPUT_SCALE, VANISHING, SMALL_INPUTS, "the first layer's weight gradient δ·xᵀ shrinks with the inputs"),
      new Link(CONSTANT_FEATURES, STALLED, ALL_CONSTANT, "inputs that never change leave nothing to learn"),
      new Link(INIT_MISMATCH, EXPLODING, LARGE_WEIGHTS, "weights too large for the activation grow the signal at every layer"),
      new Link(INIT_MISMATCH, SATURATED, LARGE_WEIGHTS,
          "weights too large for the activation push pre-activations into the flat ends"),
      new Link(INIT_MISMATCH, VANISHING, SMALL_WEIGHTS,
          "weights too small for the activation shrink the gradient at every layer"),
      new Link(LR_TOO_HIGH, EXPLODING, ALWAYS, "steps that overshoot make the loss and the gradients grow"),
      new Link(LR_TOO_HIGH, DEAD_UNITS, ALWAYS, "a large step can push a unit's pre-activation below 0 for every sample"),
      new Link(LR_TOO_HIGH, SATURATED, ALWAYS, "large steps push pre-activations into the flat ends"),
      new Link(LR_TOO_HIGH, NAN_OR_INF, ALWAYS, "steps that overshoot grow until they overflow"),
      new Link(EXPLODING, NAN_OR_INF, ALWAYS, "a gradient that keeps growing overflows"),
      new Link(EXPLODING, DEAD_UNITS, ALWAYS, "a step thrown far off can push a unit's pre-activation below 0 for every sample"),
      new Link(EXPLODING, SATURATED, ALWAYS, "a step thrown far off can push pre-activations into the flat ends"),
      new Link(SATURATED, VANISHING, ABOVE, "a saturated unit passes back less than 4% of the gradient it gets"),
      new Link(SATURATED, STALLED, ALWAYS, "saturated units pass back almost no gradient"),
      new Link(DEAD_UNITS, VANISHING, ABOVE, "a unit that outputs 0 for every sample passes no gradient back"),
      new Link(DEAD_UNITS, STALLED, ALWAYS, "dead units get no gradient and stop learning"),
      new Link(VANISHING, STALLED, ALWAYS, "the first layers barely learn"),
      new Link(LR_TOO_LOW, STALLED, ALWAYS, "steps that small barely move the weights"));

  private Causes() {}

  /**
   * {@code findings} (in the rules' order) with each cause before its consequences and in the place of
   * the first finding it explains, the rules' order kept otherwise; each finding lists its nearest
   * causes above it ({@link Finding#explainedBy}) and says how, and a cause names what it can explain.
   */
  static List<Finding> link(List<Finding> findings, List<LayerInfo> layers) {
    ToIntFunction<String> depth = name -> {
      for (LayerInfo l : layers) if (l.name().equals(name)) return l.index();
      return -1;
    };
    int n = findings.size();
    boolean[][] explains = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) explains[i][j] = i != j && holds(findings.get(i), findings.get(j), depth);
    }
    boolean[][] reaches = closure(explains);
    int[] rank = new int[n]; // a cause takes the place of the first finding it explains
    for (int j = 0; j < n; j++) {
      rank[j] = j;
      for (int k = 0; k < n; k++) if (reaches[j][k]) rank[j] = Math.min(rank[j], k);
    }
    List<Integer> order = new ArrayList<>();
    boolean[] placed = new boolean[n];
    while (order.size() < n) {
      int next = -1;
      for (int j = 0; j < n; j++) {
        boolean ready = !placed[j];
        for (int i = 0; i < n; i++) ready &= placed[i] || !explains[i][j];
        if (ready && (next < 0 || rank[j] < rank[next])) next = j;
      }
      if (next < 0) throw new IllegalStateException("the table of causes has a cycle among " + findings);
      placed[next] = true;
      order.add(next);
    }
    List<Finding> out = new ArrayList<>();
    for (int j : order) out.add(explained(findings, explains, reaches, order, j, depth));
    return out;
  }

  /** Whether finding i explains j directly or through others. */
  private static boolean[][] closure(boolean[][] explains) {
    int n = explains.length;
    boolean[][] r = new boolean[n][];
    for (int i = 0; i < n; i++) r[i] = explains[i].clone();
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) r[i][j] |= r[i][k] && r[k][j];
    }
    return r;
  }

  /**
   * Finding {@code j} with a sentence per nearest cause above it, and one naming every finding below
   * that it explains, directly or through others.
   */
  private static Finding explained(List<Finding> f, boolean[][] explains, boolean[][] reaches, List<Integer> order,
      int j, ToIntFunction<String> depth) {
    StringBuilder text = new StringBuilder(f.get(j).explanation());
    List<Finding.Kind> causes = new ArrayList<>();
    List<String> effects = new ArrayList<>();
    for (int i : order) {
      boolean through = false;
      for (int k = 0; k < f.size(); k++) through |= k != i && k != j && reaches[i][k] && reaches[k][j];
      if (explains[i][j] && !through) {
        causes.add(f.get(i).kind());
        text.append(" Likely a consequence of ").append(f.get(i).kind()).append(" above: ")
            .append(how(f.get(i), f.get(j), depth)).append('.');
      }
      if (reaches[j][i]) effects.add(f.get(i).kind().name());
    }
    if (!effects.isEmpty()) {
      text.append(" It can explain ").append(String.join(", ", effects)).append(" below")
          .append(causes.isEmpty() ? ": fix it first." : ".");
    }
    return f.get(j).withCauses(text.toString(), causes);
  }

  private static boolean holds(Finding cause, Finding effect, ToIntFunction<String> depth) {
    return LINKS.stream().anyMatch(l -> l.cause() == cause.kind() && l.effect() == effect.kind()
        && l.when().holds(cause, effect, depth));
  }

  private static String how(Finding cause, Finding effect, ToIntFunction<String> depth) {
    return LINKS.stream().filter(l -> l.cause() == cause.kind() && l.effect() == effect.kind()
        && l.when().holds(cause, effect, depth)).findFirst().orElseThrow().how();
  }

  /** The number labelled {@code label} in {@code f}; NaN when it has none. */
  private static double number(Finding f, String label) {
    return f.numbers().getOrDefault(label, Double.NaN);
  }

  /** The variance factors of an INIT_MISMATCH finding's stacks. */
  private static DoubleStream factors(Finding f) {
    return f.numbers().entrySet().stream().filter(e -> e.getKey().startsWith(InitMismatchRule.FACTOR))
        .mapToDouble(Map.Entry::getValue);
  }
}
