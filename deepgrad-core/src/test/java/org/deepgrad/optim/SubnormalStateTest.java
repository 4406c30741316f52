package org.deepgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import org.deepgrad.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * State that decays while its weight gets no gradient is flushed to 0 once it turns subnormal, every
 * 16 steps, on both paths of a step (one pass, and link by link), and the weights move as torch's rule
 * computed in double without any flush.
 */
class SubnormalStateTest {

  private static int subnormals(Optimizer opt) {
    int n = 0;
    for (float[] b : opt.stateDict().params().get("w").buffers().values()) {
      for (float v : b) if (v != 0 && Math.abs(v) < Float.MIN_NORMAL) n++;
    }
    return n;
  }

  /** One gradient of 1, then zeros: the decaying state turns subnormal after about 800 steps. */
  @Test
  void adamAndMomentumFlushTheirDecayedStateOnBothPaths() {
    Map<String, Function<Map<String, Parameter>, Optimizer>> presets = Map.of(
        "adam", p -> Optimizers.adam(p, Adam.defaults().lr(1e-3)),
        "momentum", p -> Optimizers.sgd(p, SGD.of(0.01).momentum(0.9)),
        "rmsprop", p -> Optimizers.rmsprop(p, RMSprop.defaults().lr(1e-3).momentum(0.9)));
    for (Map.Entry<String, Function<Map<String, Parameter>, Optimizer>> e : presets.entrySet()) {
      for (boolean linkByLink : new boolean[] {false, true}) {
        Map<String, Parameter> params = Problems.params("w", 0.5f, -0.25f);
        Optimizer opt = e.getValue().apply(params);
        if (linkByLink) opt = Problems.linkByLink(opt, params);
        String what = e.getKey() + (linkByLink ? " link by link" : " in one pass");
        int subnormalSteps = 0;
        int run = 0;
        for (int t = 1; t <= 3000; t++) {
          Problems.setGrad(params.get("w"), t == 1 ? 1f : 0f, t == 1 ? 1f : 0f);
          opt.step();
          boolean sub = subnormals(opt) > 0;
          if (t % 16 == 0) assertEquals(false, sub, what + ": step " + t + " flushes");
          run = sub ? run + 1 : 0;
          assertTrue(run < 16, what + ": subnormal state lasted " + run + " steps at step " + t);
          if (sub) subnormalSteps++;
        }
        assertTrue(subnormalSteps > 0, what + ": the state never went subnormal, so nothing was tested");
      }
    }
  }

  /** torch.optim.Adam's rule in double, which keeps every subnormal, against the flushed float run. */
  @Test
  void theFlushedRunFollowsAdamInDoubleWithoutFlush() {
    Map<String, Parameter> params = Problems.params("w", 0.5f, -0.25f);
    Optimizer opt = Optimizers.adam(params, Adam.defaults().lr(1e-3));
    double lr = 1e-3;
    double b1 = 0.9;
    double b2 = 0.999;
    double[] theta = {0.5, -0.25};
    double[] m = new double[2];
    double[] v = new double[2];
    for (int t = 1; t <= 1000; t++) {
      float g = t == 1 ? 1f : 0f;
      Problems.setGrad(params.get("w"), g, g);
      opt.step();
      for (int i = 0; i < 2; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        theta[i] -= lr * (m[i] / (1 - Math.pow(b1, t))) / (Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + 1e-8);
      }
    }
    float[] got = params.get("w").value().data();
    for (int i = 0; i < 2; i++) assertEquals(theta[i], got[i], 1e-6 * Math.abs(theta[i]), "w[" + i + "]");
    assertEquals(0, subnormals(opt), "step 1000 is not a flush step, but the state underflowed to 0 or was flushed");
  }
}
