package org.deepgrad.diagnostics;

import static org.deepgrad.diagnostics.Finding.Kind.DEAD_UNITS;
import static org.deepgrad.diagnostics.Finding.Kind.EXPLODING;
import static org.deepgrad.diagnostics.Finding.Kind.INIT_MISMATCH;
import static org.deepgrad.diagnostics.Finding.Kind.INPUT_SCALE;
import static org.deepgrad.diagnostics.Finding.Kind.NAN_OR_INF;
import static org.deepgrad.diagnostics.Finding.Kind.SATURATED;
import static org.deepgrad.diagnostics.Finding.Kind.STALLED;
import static org.deepgrad.diagnostics.Finding.Kind.VANISHING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.deepgrad.nn.Activation;
import org.junit.jupiter.api.Test;

/** The table of causes: no cycle, causes first whatever the rules' order, nearest causes named, conditions kept. */
class CausesTest {
  /** Layers "0", "2", "4" of a ReLU MLP, the last the output. */
  private static final List<LayerInfo> LAYERS = List.of(
      new LayerInfo("0", 0, Activation.Kind.RELU, false, 16, 32, 0.35),
      new LayerInfo("2", 1, Activation.Kind.RELU, false, 32, 32, 0.25),
      new LayerInfo("4", 2, Activation.Kind.IDENTITY, false, 32, 4, 0.25));

  private static Finding finding(Finding.Kind kind, List<String> layers, Map<String, Double> numbers) {
    return new Finding(kind, Finding.Severity.WARNING, layers, numbers, kind + " found.", List.of());
  }

  private static Finding finding(Finding.Kind kind, String... layers) {
    return finding(kind, List.of(layers), Map.of());
  }

  private static List<Finding.Kind> kinds(List<Finding> findings) {
    return findings.stream().map(Finding::kind).toList();
  }

  @Test
  void theTableHasNoCycle() {
    Map<Finding.Kind, Set<Finding.Kind>> next = new EnumMap<>(Finding.Kind.class);
    for (Finding.Kind k : Finding.Kind.values()) next.put(k, EnumSet.noneOf(Finding.Kind.class));
    for (Causes.Link l : Causes.LINKS) next.get(l.cause()).add(l.effect());
    for (Finding.Kind k : Finding.Kind.values()) {
      Set<Finding.Kind> reached = EnumSet.noneOf(Finding.Kind.class);
      List<Finding.Kind> todo = new ArrayList<>(next.get(k));
      while (!todo.isEmpty()) {
        Finding.Kind e = todo.remove(todo.size() - 1);
        if (reached.add(e)) todo.addAll(next.get(e));
      }
      assertFalse(reached.contains(k), k + " explains itself through " + reached);
    }
  }

  @Test
  void everyCauseComesBeforeWhatItExplainsWhateverTheOrderFound() {
    Map<String, Double> large = Map.of(InputScaleRule.RMS, 85.0);
    List<Finding> found = new ArrayList<>(List.of(finding(NAN_OR_INF), finding(EXPLODING, "2"),
        finding(VANISHING, "0", "2"), finding(DEAD_UNITS, "0", "2"), finding(STALLED), finding(INPUT_SCALE, List.of(), large)));
    for (int trial = 0; trial < 20; trial++) {
      List<Finding> shuffled = new ArrayList<>(found);
      Collections.shuffle(shuffled, new Random(trial));
      List<Finding.Kind> order = kinds(Causes.link(shuffled, LAYERS));
      for (Causes.Link l : Causes.LINKS) {
        int c = order.indexOf(l.cause());
        int e = order.indexOf(l.effect());
        if (c >= 0 && e >= 0) assertTrue(c < e, l + " in " + order);
      }
    }
    assertEquals(List.of(INPUT_SCALE, EXPLODING, NAN_OR_INF, DEAD_UNITS, VANISHING, STALLED),
        kinds(Causes.link(found, LAYERS)), "causes first, the order found otherwise");
  }

  @Test
  void aCauseTakesThePlaceOfTheFirstFindingItExplains() {
    // the deep sigmoid stack with the standard init: an unrelated LR_TOO_HIGH does not jump ahead of the init
    Finding shrinking = finding(INIT_MISMATCH, List.of("0", "2"), Map.of(InitMismatchRule.FACTOR + "0 to 2", 1e-5));
    assertEquals(List.of(INIT_MISMATCH, VANISHING, Finding.Kind.LR_TOO_HIGH, STALLED), kinds(Causes.link(List.of(
        finding(VANISHING, "0"), finding(Finding.Kind.LR_TOO_HIGH, "4"), finding(STALLED), shrinking), LAYERS)));
  }

  @Test
  void aConsequenceNamesItsNearestCauseAndTheRootEverythingItExplains() {
    List<Finding> linked = Causes.link(List.of(finding(VANISHING, "0", "2"), finding(DEAD_UNITS, "0", "2"),
        finding(EXPLODING, "2"), finding(INPUT_SCALE, List.of(), Map.of(InputScaleRule.RMS, 85.0))), LAYERS);
    assertEquals(List.of(INPUT_SCALE, EXPLODING, DEAD_UNITS, VANISHING), kinds(linked));
    assertEquals(List.of(), linked.get(0).explainedBy());
    assertTrue(linked.get(0).explanation().endsWith("It can explain EXPLODING, DEAD_UNITS, VANISHING below: fix it first."),
        linked.get(0).explanation());
    assertEquals(List.of(INPUT_SCALE), linked.get(1).explainedBy());
    assertEquals(List.of(EXPLODING), linked.get(2).explainedBy(), "INPUT_SCALE explains it through EXPLODING");
    assertEquals(List.of(DEAD_UNITS), linked.get(3).explainedBy());
    assertEquals("VANISHING found. Likely a consequence of DEAD_UNITS above: a unit that outputs 0 for every sample "
        + "passes no gradient back.", linked.get(3).explanation());
  }

  @Test
  void linksHoldOnlyUnderTheirConditions() {
    Finding small = finding(INPUT_SCALE, List.of(), Map.of(InputScaleRule.RMS, 0.003));
    List<Finding> linked = Causes.link(List.of(small, finding(SATURATED, "0"), finding(VANISHING, "0")), LAYERS);
    assertEquals(List.of(INPUT_SCALE, SATURATED), linked.get(2).explainedBy(),
        "small inputs shrink the first layer's gradient, and so does a saturated layer");
    assertEquals(List.of(), linked.get(1).explainedBy(), "small inputs do not saturate");
    // one feature far above unit scale saturates as all would; a mild one among small inputs explains nothing
    Finding oneLarge = finding(INPUT_SCALE, List.of(), Map.of(InputScaleRule.RMS, 7.0, InputScaleRule.LARGEST, 141.0));
    assertEquals(List.of(INPUT_SCALE), Causes.link(List.of(oneLarge, finding(SATURATED, "0")), LAYERS).get(1).explainedBy());
    Finding mild = finding(INPUT_SCALE, List.of(), Map.of(InputScaleRule.RMS, 0.5, InputScaleRule.LARGEST, 6.0));
    for (Finding.Kind k : List.of(SATURATED, VANISHING)) {
      assertEquals(List.of(), Causes.link(List.of(mild, finding(k, "0")), LAYERS).get(1).explainedBy(), k.name());
    }
    // every feature constant explains a stalled loss; one constant feature does not
    Finding all = finding(Finding.Kind.CONSTANT_FEATURES, List.of(),
        Map.of(ConstantFeaturesRule.CONSTANT, 16.0, ConstantFeaturesRule.FEATURES, 16.0));
    Finding one = finding(Finding.Kind.CONSTANT_FEATURES, List.of(),
        Map.of(ConstantFeaturesRule.CONSTANT, 1.0, ConstantFeaturesRule.FEATURES, 16.0));
    assertEquals(List.of(Finding.Kind.CONSTANT_FEATURES),
        Causes.link(List.of(finding(STALLED), all), LAYERS).get(1).explainedBy());
    assertEquals(List.of(), Causes.link(List.of(finding(STALLED), one), LAYERS).get(1).explainedBy());
    // a dead layer explains vanishing gradients below it, not above it
    assertEquals(List.of(), Causes.link(List.of(finding(DEAD_UNITS, "0"), finding(VANISHING, "2")), LAYERS).get(1).explainedBy());
    assertEquals(List.of(DEAD_UNITS),
        Causes.link(List.of(finding(DEAD_UNITS, "2"), finding(VANISHING, "0")), LAYERS).get(1).explainedBy());
    // weights too small explain vanishing, too large exploding
    Finding shrinking = finding(INIT_MISMATCH, List.of("0", "2"), Map.of(InitMismatchRule.FACTOR + "0 to 2", 0.001));
    List<Finding> init = Causes.link(List.of(finding(EXPLODING, "0"), finding(VANISHING, "0"), shrinking), LAYERS);
    assertEquals(List.of(EXPLODING, INIT_MISMATCH, VANISHING), kinds(init));
    assertEquals(List.of(), init.get(0).explainedBy());
    assertEquals(List.of(INIT_MISMATCH), init.get(2).explainedBy());
  }
}
