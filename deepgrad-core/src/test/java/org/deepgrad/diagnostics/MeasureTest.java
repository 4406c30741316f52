package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.deepgrad.data.Dataset;
import org.deepgrad.init.Init;
import org.deepgrad.nn.Activation.Kind;
import org.deepgrad.nn.Linear;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Each kind's {@link Measure} is the number its rule judged: on a run built to show the finding it
 * equals the extreme of the finding's own numbers and lies past the threshold; on a run without the
 * finding it lies on the healthy side.
 */
class MeasureTest {

  private static double measure(Finding.Kind kind, History h) {
    return Measure.of(kind).value(h);
  }

  private static Finding finding(Finding.Kind kind, History h) {
    Optional<Finding> f = Verdicts.judge(h).stream().filter(x -> x.kind() == kind).findFirst();
    return f.orElseThrow(() -> new AssertionError("no " + kind + " in " + Probe.kinds(h)));
  }

  /** The values among {@code f}'s numbers whose label starts with {@code prefix}. */
  private static double[] numbers(Finding f, String prefix) {
    return f.numbers().entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue)
        .toArray();
  }

  @Test
  void vanishingIsTheSmallestRatioToTheLastLayer() {
    History bad = Probe.train(Probe.mlp(10, 32, Kind.SIGMOID, null, false), p -> Optimizers.sgd(p, SGD.of(0.1)), 30);
    Finding f = finding(Finding.Kind.VANISHING, bad);
    double smallest = f.numbers().entrySet().stream().filter(e -> e.getKey().contains("ratio to last layer"))
        .mapToDouble(Map.Entry::getValue).filter(v -> !Double.isNaN(v)).min().orElseThrow();
    assertEquals(smallest, measure(Finding.Kind.VANISHING, bad), 0, f.numbers().toString());
    assertTrue(measure(Finding.Kind.VANISHING, bad) < VanishingRule.RATIO);
    History good = Probe.train(Probe.mlp(10, 32, Kind.RELU, Init.heNormal(), true), p -> Optimizers.sgd(p, SGD.of(0.1)), 30);
    assertTrue(measure(Finding.Kind.VANISHING, good) >= VanishingRule.RATIO, "" + measure(Finding.Kind.VANISHING, good));
  }

  @Test
  void explodingIsTheLargestBackPropagatedRatio() {
    History bad = Probe.train(Probe.mlp(8, 32, Kind.RELU, Init.normal(0, 0.75), false), p -> Optimizers.sgd(p, SGD.of(1e-4)), 3);
    Finding f = finding(Finding.Kind.EXPLODING, bad);
    assertEquals(Arrays.stream(numbers(f, "back-propagated")).max().orElseThrow(), measure(Finding.Kind.EXPLODING, bad));
    assertTrue(measure(Finding.Kind.EXPLODING, bad) > ExplodingRule.GROWTH);
    History good = Probe.train(Probe.mlp(3, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 30);
    assertTrue(measure(Finding.Kind.EXPLODING, good) <= ExplodingRule.GROWTH);
  }

  @Test
  void saturatedAndDeadAreTheLargestFractions() {
    History tanh = Probe.train(Probe.mlp(3, 32, Kind.TANH, Init.normal(0, 1), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 20);
    Finding sat = finding(Finding.Kind.SATURATED, tanh);
    assertEquals(Arrays.stream(numbers(sat, "saturated fraction")).max().orElseThrow(), measure(Finding.Kind.SATURATED, tanh));
    assertTrue(Double.isNaN(measure(Finding.Kind.DEAD_UNITS, tanh)), "no ReLU layer: nothing to measure");
    Sequential m = Probe.mlp(2, 32, Kind.RELU, Init.heNormal(), false);
    Arrays.fill(((Linear) m.layers().get(0)).bias().value().data(), 0, 20, -10f);
    History dead = Probe.train(m, p -> Optimizers.sgd(p, SGD.of(0.1)), 20);
    assertEquals(20.0 / 32, measure(Finding.Kind.DEAD_UNITS, dead), 1e-9);
    History good = Probe.train(Probe.mlp(2, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 20);
    assertTrue(measure(Finding.Kind.DEAD_UNITS, good) <= DeadUnitsRule.FRACTION);
  }

  @Test
  void learningRateStalledAndNonFinite() {
    History high = Probe.train(Probe.mlp(3, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(3)), 30);
    Finding f = finding(Finding.Kind.LR_TOO_HIGH, high);
    assertEquals(Arrays.stream(numbers(f, "update ratio")).max().orElseThrow(), measure(Finding.Kind.LR_TOO_HIGH, high));
    History low = Probe.train(Probe.mlp(3, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(1e-7)), 30);
    assertTrue(measure(Finding.Kind.LR_TOO_LOW, low) < LearningRateRule.LOW);
    assertEquals(finding(Finding.Kind.STALLED, low).numbers().get("relative change"), measure(Finding.Kind.STALLED, low));
    History good = Probe.train(Probe.mlp(3, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(0.3)), 30);
    assertTrue(measure(Finding.Kind.STALLED, good) >= StalledRule.FLAT);
    assertEquals(0, measure(Finding.Kind.NAN_OR_INF, good));
    History few = Probe.train(Probe.mlp(3, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(0.3)), 5);
    assertTrue(Double.isNaN(measure(Finding.Kind.STALLED, few)), "fewer samples than the rule judges from");
    Tensor x = Probe.DATA.features().copy();
    x.data()[0] = Float.NaN;
    History nan = Probe.train(Probe.mlp(3, 16, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.1)),
        3, 1, Double.NaN, x);
    assertEquals(3, measure(Finding.Kind.NAN_OR_INF, nan), "every step of the three holds the NaN");
  }

  @Test
  void initMismatchIsTheStackFactorFurthestFromOne() {
    History deep = Probe.train(Probe.mlp(6, 32, Kind.TANH, null, false), p -> Optimizers.sgd(p, SGD.of(0.1)), 1);
    Finding f = finding(Finding.Kind.INIT_MISMATCH, deep);
    assertEquals(numbers(f, InitMismatchRule.FACTOR)[0], measure(Finding.Kind.INIT_MISMATCH, deep));
    History normalized = Probe.train(Probe.mlp(8, 32, Kind.RELU, null, true), p -> Optimizers.sgd(p, SGD.of(0.1)), 1);
    assertEquals(1, measure(Finding.Kind.INIT_MISMATCH, normalized), "no stack without normalization: factor 1");
  }

  @Test
  void inputMeasuresReadTheInputStatistics() {
    float[] x = Probe.DATA.features().data().clone();
    for (int i = 0; i < x.length; i++) x[i] *= 255;
    x[3] = Float.POSITIVE_INFINITY;
    Dataset raw = new Dataset(Tensor.of(x, Probe.DATA.size(), Probe.DATA.inputSize()), Probe.DATA.labels(),
        Probe.DATA.classes());
    History h = Probe.train(Probe.mlp(2, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.01)),
        3, 1, Double.NaN, raw, true);
    assertEquals(1, measure(Finding.Kind.INPUT_NAN_OR_INF, h));
    assertEquals(h.inputs().rms(), measure(Finding.Kind.INPUT_SCALE, h));
    assertEquals(0, measure(Finding.Kind.CONSTANT_FEATURES, h));
    History none = Probe.train(Probe.mlp(2, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.01)), 3);
    assertTrue(Double.isNaN(measure(Finding.Kind.INPUT_SCALE, none)), "inputs not measured");
  }
}
