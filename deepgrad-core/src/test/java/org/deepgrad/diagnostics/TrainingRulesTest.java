package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepgrad.init.Init;
import org.deepgrad.nn.Activation.Kind;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.junit.jupiter.api.Test;

/** LR_TOO_HIGH, LR_TOO_LOW, STALLED and INIT_MISMATCH on networks built to show them, and on ones that must not. */
class TrainingRulesTest {

  @Test
  void sgdAtLearningRateThreeMovesWeightsTooFast() {
    History h = Probe.train(Probe.mlp(3, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(3)), 30);
    Finding f = new LearningRateRule().check(h).orElseThrow();
    assertEquals(Finding.Kind.LR_TOO_HIGH, f.kind());
    assertEquals(3.0, f.numbers().get("learning rate"));
    assertEquals(Remedy.Kind.LR_DOWN, Probe.remedies(f).get(0));
  }

  @Test
  void sgdAtLearningRateTenToTheMinusSevenIsTooLowAndStalls() {
    History h = Probe.train(Probe.mlp(3, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(1e-7)), 30);
    assertEquals(Finding.Kind.LR_TOO_LOW, new LearningRateRule().check(h).orElseThrow().kind());
    Finding stalled = new StalledRule().check(h).orElseThrow();
    assertTrue(stalled.numbers().get("relative change") < 1e-4, stalled.numbers().toString());
  }

  @Test
  void sensibleLearningRatesLearnWithoutFindings() {
    for (History h : List.of(
        Probe.train(Probe.mlp(3, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(0.3)), 30),
        Probe.train(Probe.mlp(3, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.adam(p, Adam.defaults()), 30),
        Probe.train(Probe.mlp(3, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.adam(p, Adam.defaults().lr(1e-2)), 30))) {
      assertEquals(List.of(), Probe.kinds(h));
    }
  }

  @Test
  void standardInitInADeepTanhStackIsAMismatchButNotInAShallowOne() {
    History deep = Probe.train(Probe.mlp(6, 32, Kind.TANH, null, false), p -> Optimizers.sgd(p, SGD.of(0.1)), 1);
    Finding f = new InitMismatchRule().check(deep).orElseThrow();
    assertEquals(List.of("0", "2", "4", "6", "8", "10"), f.layers());
    assertTrue(f.explanation().contains("like standard init"), f.explanation());
    assertTrue(f.numbers().get("variance factor across layers 0 to 10") < 1 / InitMismatchRule.COMPOUND);
    History shallow = Probe.train(Probe.mlp(4, 32, Kind.TANH, null, false), p -> Optimizers.sgd(p, SGD.of(0.1)), 1);
    assertTrue(new InitMismatchRule().check(shallow).isEmpty());
  }

  @Test
  void heInitUnderADeepSigmoidStackIsAMismatchXavierIsNot() {
    History he = Probe.train(Probe.mlp(8, 32, Kind.SIGMOID, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 1);
    Finding f = new InitMismatchRule().check(he).orElseThrow();
    assertTrue(f.explanation().contains("like he init"), f.explanation());
    assertEquals(List.of(Remedy.Kind.INIT_XAVIER, Remedy.Kind.ACTIVATION_RELU, Remedy.Kind.BATCH_NORM), Probe.remedies(f));
    assertEquals(f.layers(), f.remedies().get(0).layers(), "aimed at the mismatched stack");
    History xavier = Probe.train(Probe.mlp(8, 32, Kind.SIGMOID, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 1);
    assertTrue(new InitMismatchRule().check(xavier).isEmpty());
  }

  @Test
  void batchNormMakesAnyInitFitAndReluStacksWantHe() {
    History normalized = Probe.train(Probe.mlp(8, 32, Kind.RELU, null, true), p -> Optimizers.sgd(p, SGD.of(0.1)), 1);
    assertTrue(new InitMismatchRule().check(normalized).isEmpty());
    History xavierRelu = Probe.train(Probe.mlp(8, 32, Kind.RELU, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 1);
    assertEquals(List.of(Remedy.Kind.INIT_HE, Remedy.Kind.BATCH_NORM),
        Probe.remedies(new InitMismatchRule().check(xavierRelu).orElseThrow()));
  }
}
