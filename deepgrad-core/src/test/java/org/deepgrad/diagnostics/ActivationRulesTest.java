package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.deepgrad.init.Init;
import org.deepgrad.nn.Activation.Kind;
import org.deepgrad.nn.Linear;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.junit.jupiter.api.Test;

/** SATURATED and DEAD_UNITS on networks built to show them, and on ones that must not. */
class ActivationRulesTest {

  @Test
  void tanhWithUnitVarianceWeightsSaturates() {
    // N(0, 1) weights over 32 inputs: pre-activations of std ~5, most beyond tanh's |z| > 2.65
    History h = Probe.train(Probe.mlp(3, 32, Kind.TANH, Init.normal(0, 1), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 20);
    Finding f = new SaturationRule().check(h).orElseThrow();
    assertEquals(List.of("0", "2", "4"), f.layers());
    assertTrue(f.numbers().get("saturated fraction, 2") > SaturationRule.FRACTION);
    assertTrue(f.explanation().contains("tanh outputs of layer 0"), f.explanation());
  }

  @Test
  void tanhWithXavierInitDoesNotSaturate() {
    History h = Probe.train(Probe.mlp(3, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 20);
    assertTrue(new SaturationRule().check(h).isEmpty());
  }

  @Test
  void reluUnitsWithALargeNegativeBiasAreDead() {
    Sequential m = Probe.mlp(2, 32, Kind.RELU, Init.heNormal(), false);
    float[] bias = ((Linear) m.layers().get(0)).bias().value().data();
    Arrays.fill(bias, 0, 20, -10f); // 20 of 32 units can never fire on inputs of unit scale
    History h = Probe.train(m, p -> Optimizers.sgd(p, SGD.of(0.1)), 20);
    Finding f = new DeadUnitsRule().check(h).orElseThrow();
    assertEquals(List.of("0"), f.layers());
    assertEquals(20.0 / 32, f.numbers().get("dead fraction, 0"), 1e-9);
    assertEquals(Remedy.on(Remedy.Kind.ACTIVATION_LEAKY_RELU, List.of("0")), f.remedies().get(0));
  }

  @Test
  void reluWithHeInitHasNoDeadLayer() {
    History h = Probe.train(Probe.mlp(2, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 20);
    assertTrue(new DeadUnitsRule().check(h).isEmpty());
    assertFalse(Probe.kinds(h).contains(Finding.Kind.SATURATED));
  }
}
