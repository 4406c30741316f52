package org.deepgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.transform.Chain;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass updates ({@code Chain.fused()}) against the same chain run link by link: every
 * option of the fused presets, a learning rate that changes mid-run, and no allocation per step.
 * Both run each rule's one loop; they differ by the rounding of the constants the one pass folds
 * (the weight decays, maximize and the learning rate), so they agree to float rounding.
 */
class FusedStepTest {
  private static final int SIZE = 257; // not a multiple of any vector width: the loops' tails run too
  private static final int STEPS = 60;

  static Stream<Arguments> fusedPresets() {
    return Stream.of(
        Arguments.of("sgd", Map.of("lr", 0.05)),
        Arguments.of("sgd", Map.of("lr", 0.05, "weight_decay", 0.01, "maximize", true)),
        Arguments.of("sgd", Map.of("lr", 0.05, "momentum", 0.9)),
        Arguments.of("sgd", Map.of("lr", 0.05, "momentum", 0.8, "dampening", 0.3, "weight_decay", 0.01)),
        Arguments.of("sgd", Map.of("lr", 0.05, "momentum", 0.9, "nesterov", true, "weight_decay", 0.01)),
        Arguments.of("adam", Map.of("lr", 0.01)),
        Arguments.of("adam", Map.of("lr", 0.01, "betas", List.of(0.8, 0.99), "eps", 1e-6, "weight_decay", 0.01,
            "amsgrad", true)),
        Arguments.of("adam", Map.of("lr", 0.01, "maximize", true)),
        Arguments.of("adamw", Map.of("lr", 0.01, "weight_decay", 0.05)),
        Arguments.of("adamw", Map.of("lr", 0.003, "betas", List.of(0.9, 0.95), "weight_decay", 0.1, "amsgrad", true,
            "maximize", true)),
        Arguments.of("rmsprop", Map.of("lr", 0.01)),
        Arguments.of("rmsprop", Map.of("lr", 0.01, "alpha", 0.9, "eps", 1e-6, "momentum", 0.5, "centered", true,
            "weight_decay", 0.01)),
        Arguments.of("rmsprop", Map.of("lr", 0.01, "momentum", 0.9)),
        Arguments.of("rmsprop", Map.of("lr", 0.01, "centered", true, "maximize", true)),
        Arguments.of("adagrad", Map.of("lr", 0.1)),
        Arguments.of("adagrad", Map.of("lr", 0.05, "lr_decay", 0.01, "weight_decay", 0.001,
            "initial_accumulator_value", 0.1, "maximize", true)));
  }

  @ParameterizedTest
  @MethodSource("fusedPresets")
  void theOnePassUpdateFollowsTheChainLinkByLink(String name, Map<String, Object> hyper) {
    Rng rng = new Rng(11);
    float[] start = new float[SIZE];
    for (int i = 0; i < SIZE; i++) start[i] = (float) rng.normal(0, 1);
    Optimizer opt = OptimizerRegistry.create(name, hyper, Problems.params("w", start));
    GroupState group = opt.group(0);
    assertNotNull(group.fused, name + " " + hyper + " should have a one-pass form");
    Parameter p = opt.parameters().get("w");
    Chain chain = group.chain;
    Object[] states = chain.init(SIZE);
    float[] theta = start.clone();
    float[] g = new float[SIZE];
    for (int t = 1; t <= STEPS; t++) {
      if (t == STEPS / 2) opt.setLr(opt.lr() * 0.3); // a schedule: both must use the new rate from here
      for (int i = 0; i < SIZE; i++) g[i] = (float) rng.normal(0, t % 7 == 0 ? 5 : 1);
      Problems.setGrad(p, g);
      opt.step();
      float[] u = g.clone();
      chain.update(states, u, theta, Problems.step(t, opt.lr()));
      for (int i = 0; i < SIZE; i++) theta[i] += u[i];
      float[] got = p.value().data();
      for (int i = 0; i < SIZE; i++) {
        double tol = 1e-5 + 1e-5 * Math.abs(theta[i]); // rounding, as θ crosses 0 too
        int at = i;
        int tt = t;
        assertTrue(Math.abs(got[i] - theta[i]) <= tol,
            () -> name + " " + hyper + " step " + tt + " [" + at + "]: fused " + got[at] + ", chain " + theta[at]);
      }
    }
    // The fused pass kept the chain's buffers, so a state dict holds the same numbers.
    chain.buffers(states).forEach((buffer, expected) -> {
      float[] actual = opt.stateDict().params().get("w").buffers().get(buffer);
      for (int i = 0; i < SIZE; i++) {
        assertEquals(expected[i], actual[i], 1e-5 + 1e-5 * Math.abs(expected[i]), buffer + "[" + i + "]");
      }
    });
  }

  @Test
  void presetsWithoutAOnePassFormRunLinkByLink() {
    for (String name : List.of("adadelta", "adamax", "nadam", "radam")) {
      Optimizer opt = OptimizerRegistry.create(name, Map.of(), Problems.params("w", 1f, 2f));
      assertNull(opt.group(0).fused, name);
      Problems.setGrad(opt.parameters().get("w"), 0.5f, -0.5f);
      opt.step();
      assertTrue(opt.parameters().get("w").value().data()[0] < 1f, name + " did not step");
    }
  }

  @ParameterizedTest
  @MethodSource("fusedPresets")
  void aStepAllocatesNothingOnceTheStateExists(String name, Map<String, Object> hyper) {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Optimizer opt = OptimizerRegistry.create(name, hyper, Problems.params("w", new float[1024]));
    Parameter p = opt.parameters().get("w");
    Problems.setGrad(p, new float[1024]);
    for (int i = 0; i < 10; i++) opt.step(); // the state, and classes the first steps load
    // The least of five rounds: one object per step would be >= 3200 bytes in every round, while the
    // JVM (compilation, deoptimization) now and then allocates a few hundred bytes on this thread.
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long before = mx.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 200; i++) opt.step();
      least = Math.min(least, mx.getCurrentThreadAllocatedBytes() - before);
    }
    assertTrue(least < 200, name + " " + hyper + ": 200 steps allocated " + least + " bytes");
  }
}
