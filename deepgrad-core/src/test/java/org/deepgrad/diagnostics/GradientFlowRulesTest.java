package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Synthetic;
import org.deepgrad.init.Init;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.Activation.Kind;
import org.deepgrad.nn.Linear;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** VANISHING, EXPLODING and NAN_OR_INF on networks built to show them, and on ones that must not. */
class GradientFlowRulesTest {

  private static Finding find(History h, Finding.Kind kind) {
    return Verdicts.judge(h).stream().filter(f -> f.kind() == kind).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + Probe.kinds(h)));
  }

  @Test
  void tenSigmoidLayersWithTorchDefaultInitVanishInTheEarlyLayers() {
    History h = Probe.train(Probe.mlp(10, 32, Kind.SIGMOID, null, false), p -> Optimizers.sgd(p, SGD.of(0.1)), 30);
    Finding f = find(h, Finding.Kind.VANISHING);
    assertEquals(List.of("0", "2", "4", "6"), f.layers().subList(0, 4)); // the first layers, in depth order
    assertFalse(f.layers().contains("18") || f.layers().contains("20"), f.layers().toString());
    assertTrue(f.numbers().get("gradient ratio to last layer, 0") < 1e-5, f.numbers().toString());
    assertTrue(Probe.remedies(f).containsAll(List.of(Remedy.Kind.INIT_XAVIER, Remedy.Kind.ACTIVATION_RELU,
        Remedy.Kind.BATCH_NORM)), f.remedies().toString());
    // a plain stack: as many layers as keep factor^depth >= 1e-2 at the measured factor per layer
    double factor = f.numbers().get("gradient factor per layer");
    Remedy shallower = f.remedies().stream().filter(r -> r.kind() == Remedy.Kind.SHALLOWER).findFirst().orElseThrow();
    int depth = shallower.parameters().get("depth").intValue();
    assertTrue(depth >= 1 && depth < 10 && Math.pow(factor, depth) >= VanishingRule.KEPT
        && Math.pow(factor, depth + 1) < VanishingRule.KEPT, factor + " per layer, depth " + depth);
    assertEquals("use at most " + depth + " hidden layers, so that the gradient passes through fewer layers that shrink "
        + "it", shallower.text());
  }

  @Test
  void theDepthOfAShallowerNetworkFollowsTheFactorPerLayer() {
    assertEquals(6, VanishingRule.shallower(0.5)); // 0.5^6 = 0.016, 0.5^7 = 0.008
    assertEquals(0, VanishingRule.shallower(1.2), "no shrinking: no depth to suggest");
    assertEquals(0, VanishingRule.shallower(0), "no gradient at all: the dead units say why, not the depth");
  }

  @Test
  void thirtyReluLayersWithXavierInitVanishInTheBackPropagatedGradient() {
    History h = Probe.train(Probe.mlp(30, 32, Kind.RELU, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.01)), 30);
    Finding f = find(h, Finding.Kind.VANISHING);
    assertEquals("0", f.layers().get(0), f.layers().toString());
    assertTrue(f.numbers().get("back-propagated gradient ratio to last layer, 0") < 1e-3, f.numbers().toString());
    double first = f.numbers().get("back-propagated gradient ratio to last layer, 0");
    double top = f.numbers().get("back-propagated gradient ratio to last layer, " + f.layers().get(f.layers().size() - 1));
    assertTrue(first < top / 100, "it shrinks with depth: " + f.numbers());
    assertTrue(Probe.remedies(f).contains(Remedy.Kind.INIT_HE), f.remedies().toString());
  }

  @Test
  void thirtyReluLayersWithHeInitDoNotVanish() {
    History h = Probe.train(Probe.mlp(30, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(0.01)), 30);
    assertFalse(Probe.kinds(h).contains(Finding.Kind.VANISHING), Probe.kinds(h).toString());
  }

  @Test
  void tenReluLayersWithHeInitAndBatchNormShowNothingWrong() {
    History h = Probe.train(Probe.mlp(10, 32, Kind.RELU, Init.heNormal(), true), p -> Optimizers.sgd(p, SGD.of(0.1)), 30);
    assertEquals(List.of(), Probe.kinds(h));
  }

  @Test
  void learningRateTenWithoutClippingExplodesFromTheFirstLayer() {
    History h = Probe.train(Probe.mlp(4, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(10)), 30);
    Finding f = find(h, Finding.Kind.EXPLODING);
    assertEquals(2.0, f.numbers().get("step"));
    assertEquals("0", f.layers().get(0));
    assertTrue(f.explanation().contains("first offending layer in depth order: 0"), f.explanation());
    assertEquals(Remedy.Kind.CLIP_NORM, Probe.remedies(f).get(0));
  }

  @Test
  void gradientsGrowingOnTheWayBackAreExploding() {
    // ReLU weights at 2.2 times He's std: the back-propagated gradient grows about 2.2 times per layer
    History h = Probe.train(Probe.mlp(8, 32, Kind.RELU, Init.normal(0, 0.75), false), p -> Optimizers.sgd(p, SGD.of(1e-4)), 3);
    Finding f = find(h, Finding.Kind.EXPLODING);
    assertEquals(List.of("0"), f.layers());
    assertTrue(f.numbers().get("back-propagated gradient ratio to last layer, 0") > ExplodingRule.GROWTH);
  }

  @Test
  void aNaNInTheInputIsFoundInTheFirstLayersForwardPassAtStepZero() {
    Tensor x = Probe.DATA.features().copy();
    x.data()[5] = Float.NaN;
    History h = Probe.train(Probe.mlp(3, 16, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.1)),
        3, 1, Double.NaN, x);
    Finding f = find(h, Finding.Kind.NAN_OR_INF);
    assertEquals(0.0, f.numbers().get("step"));
    assertEquals(List.of("0"), f.layers());
    assertTrue(f.explanation().contains("its activations in the forward pass"), f.explanation());
    assertEquals(Finding.Severity.ERROR, f.severity());
  }

  @Test
  void healthyNetworksHaveNoFlowFindings() {
    History h = Probe.train(Probe.mlp(3, 32, Kind.TANH, Init.xavierNormal(1), false), p -> Optimizers.sgd(p, SGD.of(0.1)), 30);
    assertEquals(List.of(), Probe.kinds(h));
  }

  /**
   * A one-layer regression on y = 2x: batch-1 SGD, whose per-sample gradient norms spread over orders
   * of magnitude, and full-batch GD run to convergence, whose tiny late norms wobble by large factors:
   * neither is a jump of the gradient.
   */
  @Test
  void noisyOrConvergedRegressionsDoNotExplode() {
    Regression data = Synthetic.linear(64, new float[] {2f}, 0f, 0.05, 21);
    for (int batch : new int[] {1, 64}) {
      Linear model = new Linear(1, 1, new Rng(2));
      Recorder rec = new Recorder(model, 1);
      Optimizer opt = Optimizers.sgd(model.namedParameters(), SGD.of(batch == 1 ? 0.05 : 0.3));
      for (int step = 0; step < 200; step++) {
        Regression b = batch == 1 ? data.slice(step % 64, step % 64 + 1) : data;
        rec.beforeForward(step);
        Tensor loss = Loss.mse(model.forward(b.features()), b.targets());
        opt.zeroGrad();
        Autograd.backward(loss);
        rec.afterBackward();
        opt.step();
        rec.afterStep(loss.item(), opt.lr());
      }
      assertFalse(Probe.kinds(rec.history()).contains(Finding.Kind.EXPLODING),
          "batch " + batch + ": " + Verdicts.judge(rec.history()));
    }
  }
}
