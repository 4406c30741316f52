package org.deepgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Parameter.Role;
import org.deepgrad.optim.clip.Clip;
import org.deepgrad.optim.clip.MaxNorm;
import org.deepgrad.optim.clip.WeightClip;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Gradient clipping (before the step) and weight constraints (after it). */
class ClipTest {

  private static Map<String, Parameter> withGrads(float[] w, float[] b) {
    Map<String, Parameter> m = new LinkedHashMap<>();
    m.put("w", new Parameter(Tensor.zeros(w.length), Role.WEIGHT));
    m.put("b", new Parameter(Tensor.zeros(b.length), Role.BIAS));
    m.put("frozen", new Parameter(Tensor.zeros(1), Role.WEIGHT));
    Problems.setGrad(m.get("w"), w);
    Problems.setGrad(m.get("b"), b);
    return m;
  }

  private static double globalNorm(Map<String, Parameter> params) {
    double sq = 0;
    for (Parameter p : params.values()) if (p.grad() != null) for (float v : p.grad().data()) sq += v * v;
    return Math.sqrt(sq);
  }

  @Test
  void byGlobalNormReturnsThePreClipNormAndLeavesAtMostMax() {
    Map<String, Parameter> params = withGrads(new float[] {3, 0, 4}, new float[] {12});
    double norm = Clip.byGlobalNorm(params, 1.0);
    assertEquals(13.0, norm, 1e-9, "√(3² + 4² + 12²)");
    assertTrue(globalNorm(params) <= 1.0, "norm after: " + globalNorm(params));
    assertEquals(1.0, globalNorm(params), 1e-6);
    assertArrayEquals(new float[] {3f / 13, 0, 4f / 13}, params.get("w").grad().data(), 1e-6f, "direction kept");
    assertNull(params.get("frozen").grad());
  }

  @Test
  void byGlobalNormLeavesSmallGradientsAlone() {
    Map<String, Parameter> params = withGrads(new float[] {0.3f, 0.4f}, new float[] {0});
    assertEquals(0.5, Clip.byGlobalNorm(params, 1.0), 1e-7);
    assertArrayEquals(new float[] {0.3f, 0.4f}, params.get("w").grad().data());
    assertThrows(IllegalArgumentException.class, () -> Clip.byGlobalNorm(params, -1));
  }

  @Test
  void byValueClampsEachComponent() {
    Map<String, Parameter> params = withGrads(new float[] {-5, 0.2f, 3}, new float[] {-0.1f});
    Clip.byValue(params, 0.5);
    assertArrayEquals(new float[] {-0.5f, 0.2f, 0.5f}, params.get("w").grad().data());
    assertArrayEquals(new float[] {-0.1f}, params.get("b").grad().data());
  }

  @Test
  void weightClippingKeepsEveryWeightWithinC() {
    Rng rng = new Rng(5);
    for (boolean clip : new boolean[] {false, true}) {
      Map<String, Parameter> params = Problems.params("w", 0, 0, 0, 0, 0, 0);
      Optimizer opt = Optimizers.sgd(params, SGD.of(0.5).momentum(0.9));
      if (clip) opt.constrain(new WeightClip(0.01));
      float largest = 0;
      for (int s = 0; s < 20; s++) {
        float[] g = new float[6];
        for (int i = 0; i < g.length; i++) g[i] = (float) rng.normal();
        Problems.setGrad(params.get("w"), g);
        opt.step();
        for (float v : params.get("w").value().data()) largest = Math.max(largest, Math.abs(v));
      }
      if (clip) assertTrue(largest <= 0.01f, "a weight reached " + largest);
      else assertTrue(largest > 0.1f, "without clipping the weights should wander: " + largest);
    }
  }

  @Test
  void maxNormRescalesOnlyRowsAboveC() {
    Parameter w = new Parameter(Tensor.of(new float[] {3, 4, 0.3f, 0.4f}, 2, 2), Role.WEIGHT);
    Parameter b = new Parameter(Tensor.of(new float[] {30, 40}, 2), Role.BIAS);
    MaxNorm constraint = new MaxNorm(2);
    constraint.apply(Map.of("w", w, "b", b));
    assertArrayEquals(new float[] {1.2f, 1.6f, 0.3f, 0.4f}, w.value().data(), 1e-6f);
    assertArrayEquals(new float[] {30, 40}, b.value().data(), "biases are left alone");
    assertThrows(IllegalArgumentException.class, () -> new MaxNorm(-1));
  }
}
