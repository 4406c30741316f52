package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepgrad.data.Dataset;
import org.deepgrad.init.Init;
import org.deepgrad.nn.Activation.Kind;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The input statistics, by hand, and INPUT_SCALE, INPUT_NAN_OR_INF and CONSTANT_FEATURES on data built to show them. */
class InputRulesTest {

  /** Probe's teacher data with feature j of every sample set by {@code f(j, x)}. */
  private static Dataset data(FeatureMap f) {
    float[] x = Probe.DATA.features().data().clone();
    int d = Probe.DATA.inputSize();
    for (int i = 0; i < x.length; i++) x[i] = f.apply(i % d, x[i]);
    return new Dataset(Tensor.of(x, Probe.DATA.size(), d), Probe.DATA.labels(), Probe.DATA.classes());
  }

  private interface FeatureMap {
    float apply(int feature, float value);
  }

  private static History probe(Dataset data, boolean batchNorm) {
    return Probe.train(Probe.mlp(2, 32, Kind.TANH, Init.xavierNormal(1), batchNorm), p -> Optimizers.sgd(p, SGD.of(0.01)),
        3, 1, Double.NaN, data, true);
  }

  @Test
  void statisticsPerFeatureByHand() {
    // rows (1, 5, NaN), (3, 5, 2), (-1, 5, 4): feature 1 is constant, feature 2 has a NaN
    InputStats s = InputStats.of(Tensor.of(new float[] {1, 5, Float.NaN, 3, 5, 2, -1, 5, 4}, 3, 3));
    assertEquals(3, s.rows());
    assertEquals(3, s.features());
    assertEquals(1, s.mean()[0], 1e-12);
    assertEquals(Math.sqrt(8.0 / 3), s.std()[0], 1e-12); // deviations 0, 2, -2
    assertEquals(-1, s.min()[0]);
    assertEquals(3, s.max()[0]);
    assertEquals(0, s.std()[1]);
    assertEquals(3, s.mean()[2], 1e-12); // the NaN left out: (2 + 4) / 2
    assertEquals(1, s.std()[2], 1e-12);
    assertEquals(1, s.nonFinite()[2]);
    assertEquals(List.of(false, true, false), List.of(s.constant(0), s.constant(1), s.constant(2)));
    assertEquals(1, s.constantFeatures());
    assertEquals(1, s.nonFiniteFeatures());
    // s_j² = mean² + std²: 1 + 8/3, 25, 9 + 1
    assertEquals(Math.sqrt((1 + 8.0 / 3 + 25 + 10) / 3), s.rms(), 1e-12);
    assertEquals((1 + 3 - 1 + 15 + 2 + 4) / 8.0, s.overallMean(), 1e-12);
    assertEquals(-1, s.overallMin());
    assertEquals(5, s.overallMax());
    assertThrows(IllegalArgumentException.class, () -> InputStats.of(Tensor.zeros(0, 3)));
  }

  @Test
  void inputsFarAboveUnitScaleAreFlaggedFirstWithTheStandardizeRemedy() {
    History h = probe(data((j, v) -> 255 * v), false);
    Finding f = Verdicts.judge(h).get(0);
    assertEquals(Finding.Kind.INPUT_SCALE, f.kind());
    assertTrue(f.numbers().get(InputScaleRule.RMS) > 100, f.numbers().toString());
    assertTrue(f.explanation().contains("not standardized"), f.explanation());
    assertEquals(List.of(Remedy.of(Remedy.Kind.STANDARDIZE_INPUTS)), f.remedies());
  }

  @Test
  void inputsFarBelowUnitScaleAreFlagged() {
    Finding f = new InputScaleRule().check(probe(data((j, v) -> v / 1000), false)).orElseThrow();
    assertTrue(f.explanation().contains("times smaller"), f.explanation());
  }

  @Test
  void unitScaleInputsAndABatchNormalizedFirstLayerAreNotFlagged() {
    assertTrue(new InputScaleRule().check(probe(Probe.DATA, false)).isEmpty());
    // pixels in [0, 1] (RMS 0.34 on mnist-10k) pass too; so do [0, 1] uniform features
    assertTrue(new InputScaleRule().check(probe(data((j, v) -> v > 0 ? 0.9f : 0.1f), false)).isEmpty());
    // batch norm after the first Linear divides out the overall scale
    assertTrue(new InputScaleRule().check(probe(data((j, v) -> 255 * v), true)).isEmpty());
  }

  @Test
  void oneFeatureThatDominatesIsFlaggedEvenUnderBatchNorm() {
    // 400 features of RMS 0.71 and one of 141: r ≈ 7.1 passes, the one is 20 times r
    float[] x = new float[128 * 401];
    for (int i = 0; i < 128; i++) {
      for (int j = 0; j < 401; j++) x[i * 401 + j] = (float) Math.sin(7.0 * i + 3.0 * j) * (j == 400 ? 200 : 1);
    }
    InputStats s = InputStats.of(Tensor.of(x, 128, 401));
    assertTrue(s.rms() < InputScaleRule.SCALE, "overall scale passes: " + s.rms());
    Finding f = new InputScaleRule().check(new History(List.of(), s, List.of())).orElseThrow();
    assertTrue(f.explanation().startsWith("Feature 400 has a root mean square of"), f.explanation());
  }

  @Test
  void nonFiniteInputsAreAnErrorThatExplainsTheNaN() {
    History h = probe(data((j, v) -> j == 3 && v > 1.5f ? Float.NaN : v), false);
    List<Finding> findings = Verdicts.judge(h);
    assertEquals(List.of(Finding.Kind.INPUT_NAN_OR_INF, Finding.Kind.NAN_OR_INF),
        findings.stream().map(Finding::kind).toList());
    Finding inputs = findings.get(0);
    assertEquals(Finding.Severity.ERROR, inputs.severity());
    assertEquals(3.0, inputs.numbers().get("first such feature"));
    assertEquals(List.of(Remedy.Kind.CHECK_INPUTS), Probe.remedies(inputs));
    assertEquals(List.of(Finding.Kind.INPUT_NAN_OR_INF), findings.get(1).explainedBy());
    assertEquals(List.of(Remedy.Kind.LR_DOWN, Remedy.Kind.CLIP_NORM), Probe.remedies(findings.get(1)),
        "the input finding speaks for the inputs");
  }

  @Test
  void constantFeaturesOtherThanZeroAreInfoZeroOnesAreLeftAlone() {
    assertTrue(new ConstantFeaturesRule().check(probe(data((j, v) -> j < 4 ? 0 : v), false)).isEmpty());
    Finding f = new ConstantFeaturesRule().check(probe(data((j, v) -> j == 5 ? 1 : j < 4 ? 0 : v), false)).orElseThrow();
    assertEquals(Finding.Severity.INFO, f.severity());
    assertEquals(5.0, f.numbers().get("constant features"));
    assertEquals(1.0, f.numbers().get("constant features other than 0"));
    assertEquals(1.0, f.numbers().get("value of feature 5"));
    Finding all = new ConstantFeaturesRule().check(probe(data((j, v) -> 0), false)).orElseThrow();
    assertEquals(Finding.Severity.ERROR, all.severity());
    assertTrue(all.explanation().contains("nothing to learn from"), all.explanation());
  }

  @Test
  void withoutInputStatisticsTheInputRulesStaySilentAndTheNaNSuggestsALookAtTheInputs() {
    History h = Probe.train(Probe.mlp(2, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.01)),
        3, 1, Double.NaN, data((j, v) -> 255 * v).features());
    assertFalse(Probe.kinds(h).contains(Finding.Kind.INPUT_SCALE));
    History nan = Probe.train(Probe.mlp(2, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.01)),
        3, 1, Double.NaN, data((j, v) -> j == 3 && v > 1.5f ? Float.NaN : v).features());
    Finding f = Verdicts.judge(nan).get(0);
    assertEquals(Finding.Kind.NAN_OR_INF, f.kind());
    assertEquals(List.of(Remedy.Kind.LR_DOWN, Remedy.Kind.CLIP_NORM, Remedy.Kind.CHECK_INPUTS,
        Remedy.Kind.STANDARDIZE_INPUTS), Probe.remedies(f));
  }
}
