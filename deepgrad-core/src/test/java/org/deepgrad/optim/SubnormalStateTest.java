package org.deepgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.transform.Chain;
import org.junit.jupiter.api.Test;

/**
 * State that decays while its weight gets no gradient is flushed to 0 once it turns subnormal, every
 * 16 steps, and the weights move exactly as without the flush (the chain run link by link keeps the
 * subnormals).
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
  void adamAndMomentumFlushTheirDecayedState() {
    Map<String, Function<Map<String, Parameter>, Optimizer>> presets = Map.of(
        "adam", p -> Optimizers.adam(p, Adam.defaults().lr(1e-3)),
        "momentum", p -> Optimizers.sgd(p, SGD.of(0.01).momentum(0.9)),
        "rmsprop", p -> Optimizers.rmsprop(p, RMSprop.defaults().lr(1e-3).momentum(0.9)));
    for (Map.Entry<String, Function<Map<String, Parameter>, Optimizer>> e : presets.entrySet()) {
      Map<String, Parameter> params = Problems.params("w", 0.5f, -0.25f);
      Optimizer opt = e.getValue().apply(params);
      int subnormalSteps = 0;
      int run = 0;
      for (int t = 1; t <= 3000; t++) {
        Problems.setGrad(params.get("w"), t == 1 ? 1f : 0f, t == 1 ? 1f : 0f);
        opt.step();
        boolean sub = subnormals(opt) > 0;
        if (t % 16 == 0) assertEquals(false, sub, e.getKey() + ": step " + t + " flushes");
        run = sub ? run + 1 : 0;
        assertTrue(run < 16, e.getKey() + ": subnormal state lasted " + run + " steps at step " + t);
        if (sub) subnormalSteps++;
      }
      assertTrue(subnormalSteps > 0, e.getKey() + ": the state never went subnormal, so nothing was tested");
    }
  }

  @Test
  void theFlushedRunFollowsTheChainThatKeepsItsSubnormals() {
    Map<String, Parameter> params = Problems.params("w", 0.5f, -0.25f);
    Optimizer opt = Optimizers.adam(params, Adam.defaults().lr(1e-3));
    Chain chain = opt.group(0).chain; // run link by link below: no flush there
    Object[] states = chain.init(2);
    float[] theta = {0.5f, -0.25f};
    for (int t = 1; t <= 1000; t++) {
      float[] g = t == 1 ? new float[] {1f, 1f} : new float[] {0f, 0f};
      Problems.setGrad(params.get("w"), g.clone());
      opt.step();
      float[] u = g.clone();
      chain.update(states, u, theta, Problems.step(t, 1e-3));
      for (int i = 0; i < 2; i++) theta[i] += u[i];
    }
    float[] got = params.get("w").value().data();
    for (int i = 0; i < 2; i++) assertEquals(theta[i], got[i], 1e-6 * Math.abs(theta[i]), "w[" + i + "]");
    assertEquals(0, subnormals(opt), "step 1000 is not a flush step, but the state underflowed to 0 or was flushed");
  }
}
