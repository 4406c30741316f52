package org.deepgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

/** Recipes that must agree, and behaviours the literature predicts. */
class OptimizerEquivalenceTest {

  private static float[][] randomGrads(long seed, int steps, int n) {
    Rng rng = new Rng(seed);
    float[][] g = new float[steps][n];
    for (float[] row : g) for (int i = 0; i < n; i++) row[i] = (float) rng.normal(0, 2);
    return g;
  }

  private static float[] trajectoryEnd(Optimizer opt, float[][] grads) {
    Parameter p = opt.parameters().values().iterator().next();
    for (float[] g : grads) {
      Problems.setGrad(p, g);
      opt.step();
    }
    return p.value().data();
  }

  @Test
  void sgdWithMomentumZeroIsPlainSgd() {
    float[] start = {0.5f, -1f, 2f};
    float[][] grads = randomGrads(1, 20, 3);
    float[] plain = trajectoryEnd(Optimizers.sgd(Problems.params("w", start), SGD.of(0.1)), grads);
    float[] noMomentum = trajectoryEnd(OptimizerRegistry.create("momentum",
        Map.of("lr", 0.1, "momentum", 0.0, "dampening", 0.5), Problems.params("w", start)), grads);
    assertArrayEquals(plain, noMomentum);
    float[] byHand = start.clone();
    for (float[] g : grads) for (int i = 0; i < 3; i++) byHand[i] -= (float) (0.1 * g[i]);
    assertArrayEquals(byHand, plain, 1e-6f);
  }

  @Test
  void adamWithoutDecayEqualsAdamwWithoutDecay() {
    float[] start = {0.5f, -1f, 2f, 0f};
    float[][] grads = randomGrads(2, 30, 4);
    float[] adam = trajectoryEnd(Optimizers.adam(Problems.params("w", start), Adam.defaults().lr(0.01)), grads);
    float[] adamw = trajectoryEnd(Optimizers.adamw(Problems.params("w", start),
        AdamW.defaults().lr(0.01).weightDecay(0)), grads);
    assertArrayEquals(adam, adamw);
  }

  @Test
  void rmspropIsAdamWithBeta1ZeroWithoutBiasCorrection() {
    // Adam(β₁ = 0, β₂ = α, ε = 0) steps lr·√(1−αᵗ)·g/√v: RMSprop(α, ε = 0) with that lr at step t.
    float[] start = {0.5f, -1f, 2f};
    float[][] grads = randomGrads(3, 25, 3);
    double lr = 0.01;
    double alpha = 0.9;
    float[] adam = trajectoryEnd(Optimizers.adam(Problems.params("w", start),
        Adam.defaults().lr(lr).betas(0, alpha).eps(0)), grads);
    Optimizer rms = Optimizers.rmsprop(Problems.params("w", start), RMSprop.defaults().alpha(alpha).eps(0));
    Parameter p = rms.parameters().get("w");
    for (int t = 1; t <= grads.length; t++) {
      rms.setLr(lr * Math.sqrt(1 - Math.pow(alpha, t)));
      Problems.setGrad(p, grads[t - 1]);
      rms.step();
    }
    assertArrayEquals(adam, p.value().data(), 1e-5f);
  }

  @Test
  void momentumReachesTheTargetInFewerStepsOnAnIllConditionedQuadratic() {
    double[] a = {1, 100};
    double[] target = {0, 0};
    int plain = stepsToReach(Optimizers.sgd(Problems.params("xy", 1f, 1f), SGD.of(0.015)), a, target);
    int heavyBall = stepsToReach(Optimizers.sgd(Problems.params("xy", 1f, 1f), SGD.of(0.015).momentum(0.9)), a, target);
    assertTrue(heavyBall * 2 < plain, "momentum took " + heavyBall + " steps, plain SGD " + plain);
  }

  private static int stepsToReach(Optimizer opt, double[] a, double[] target) {
    Parameter p = opt.parameters().get("xy");
    float[] g = new float[2];
    for (int step = 0; step < 5000; step++) {
      if (Problems.quadratic(p.value().data(), a, target, g) < 1e-6) return step;
      Problems.setGrad(p, g);
      opt.step();
    }
    return Integer.MAX_VALUE;
  }

  @Test
  void adagradsEffectiveStepShrinksAsSquaredGradientsAccumulate() {
    Optimizer opt = Optimizers.adagrad(Problems.params("w", 0f), Adagrad.defaults().lr(0.1));
    Parameter p = opt.parameters().get("w");
    double previous = Double.POSITIVE_INFINITY;
    for (int t = 1; t <= 50; t++) {
      float before = p.value().data()[0];
      Problems.setGrad(p, 1f);
      opt.step();
      double step = before - p.value().data()[0];
      assertTrue(step < previous, "step " + t + " moved " + step + ", the one before " + previous);
      assertEquals(0.1 / Math.sqrt(t), step, 1e-6, "lr·g/√(t·g²) at step " + t);
      previous = step;
    }
  }

  @Test
  void weightDecayShrinksWeightsComparedWithNone() {
    // Minimising ½‖θ − c‖² with L2 decay λ moves the optimum to c/(1+λ); AdamW's decoupled decay
    // shrinks too, by less here, since it is not rescaled with the gradient.
    double[] a = {1, 1, 1};
    double[] target = {2, -3, 1};
    for (String name : OptimizerRegistry.names()) {
      double lr = name.equals("adagrad") || name.equals("adadelta") ? 1.0 : 0.05;
      double without = normAfter(name, Map.of("lr", lr, "weight_decay", 0.0), a, target);
      double with = normAfter(name, Map.of("lr", lr, "weight_decay", 0.1), a, target);
      String what = name + ": ‖θ‖ = " + with + " with decay, " + without + " without";
      if (name.equals("adamw")) assertTrue(with < 0.99 * without, what);
      else assertEquals(1 / 1.1, with / without, 0.01, what);
    }
  }

  private static double normAfter(String name, Map<String, Object> hyper, double[] a, double[] target) {
    Optimizer opt = OptimizerRegistry.create(name, hyper, Problems.params("w", 0, 0, 0));
    Problems.minimise(opt, (x, g) -> Problems.quadratic(x, a, target, g), 2000);
    double sq = 0;
    for (float v : opt.parameters().get("w").value().data()) sq += v * v;
    return Math.sqrt(sq);
  }

  @Test
  void adamwDecaysEveryWeightAlikeWhileAdamsL2IsScaledByTheGradient() {
    // Loshchilov & Hutter (2019): with L2 in Adam, a weight with large gradients is barely
    // decayed (λθ is divided by √v); AdamW shrinks it by lr·λ·θ whatever its gradients.
    float[] start = {1f, 1f};
    float[][] grads = new float[100][];
    Rng rng = new Rng(4);
    for (int s = 0; s < grads.length; s++) grads[s] = new float[] {(float) (100 * rng.normal()), (float) (1e-3 * rng.normal())};
    float[] adamNone = trajectoryEnd(Optimizers.adam(Problems.params("w", start), Adam.defaults().lr(1e-3)), grads);
    float[] adamL2 = trajectoryEnd(Optimizers.adam(Problems.params("w", start),
        Adam.defaults().lr(1e-3).weightDecay(0.5)), grads);
    float[] adamwNone = trajectoryEnd(Optimizers.adamw(Problems.params("w", start),
        AdamW.defaults().lr(1e-3).weightDecay(0)), grads);
    float[] adamw = trajectoryEnd(Optimizers.adamw(Problems.params("w", start),
        AdamW.defaults().lr(1e-3).weightDecay(0.5)), grads);
    double l2OnLarge = adamNone[0] - adamL2[0];
    double l2OnSmall = adamNone[1] - adamL2[1];
    double decoupledOnLarge = adamwNone[0] - adamw[0];
    double decoupledOnSmall = adamwNone[1] - adamw[1];
    assertTrue(l2OnLarge < 0.01 * l2OnSmall, "Adam L2 decayed the large-gradient weight by " + l2OnLarge
        + ", the small one by " + l2OnSmall);
    assertEquals(decoupledOnSmall, decoupledOnLarge, 0.05 * decoupledOnSmall, "AdamW decays both alike");
    assertEquals(1 - Math.pow(1 - 1e-3 * 0.5, 100), decoupledOnLarge, 1e-3, "≈ (1 − (1 − lr·λ)ᵗ)·θ");
  }
}
