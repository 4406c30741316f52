package org.deepgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Parameter.Role;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The bookkeeping: lazy state, groups, learning rates, state-dict checks. */
class OptimizerTest {

  private static Map<String, Parameter> layer() {
    Map<String, Parameter> m = new LinkedHashMap<>();
    m.put("0.weight", new Parameter(Tensor.of(new float[] {1, -2, 3, -4}, 2, 2), Role.WEIGHT));
    m.put("0.bias", new Parameter(Tensor.of(new float[] {1, 1}, 2), Role.BIAS));
    m.put("1.gamma", new Parameter(Tensor.of(new float[] {2, 2}, 2), Role.NORM));
    return m;
  }

  private static void gradsOfZero(Map<String, Parameter> params) {
    params.values().forEach(p -> Problems.setGrad(p, new float[p.value().size()]));
  }

  @Test
  void aParameterWithoutGradientIsSkippedAndKeepsItsOwnStepCount() {
    Map<String, Parameter> params = new LinkedHashMap<>(Problems.params("a", 1f));
    params.putAll(Problems.params("b", 1f));
    Optimizer opt = Optimizers.adam(params, Adam.defaults().lr(0.1));
    for (int s = 0; s < 3; s++) {
      opt.zeroGrad();
      Problems.setGrad(params.get("a"), 0.5f);
      opt.step();
    }
    assertEquals(1f, params.get("b").value().data()[0], "no gradient, no update");
    assertFalse(opt.stateDict().params().containsKey("b"), "no gradient, no state");
    Problems.setGrad(params.get("b"), 0.5f);
    opt.step();
    // b's first step is bias-corrected with t = 1, as a fresh Adam's: θ − lr·sign(g).
    assertEquals(1 - 0.1, params.get("b").value().data()[0], 1e-6);
    assertEquals(1, opt.stateDict().params().get("b").step());
    assertEquals(4, opt.stateDict().params().get("a").step());
    assertEquals(4, opt.steps());
  }

  @Test
  void zeroGradForgetsGradients() {
    Map<String, Parameter> params = layer();
    gradsOfZero(params);
    Optimizers.sgd(params, SGD.of(0.1)).zeroGrad();
    params.values().forEach(p -> assertNull(p.grad()));
  }

  @Test
  void decayExceptLeavesBiasesAndNormsUndecayed() {
    Map<String, Parameter> params = layer();
    List<ParamGroup> groups = ParamGroup.decayExcept(params, Role.BIAS, Role.NORM);
    assertEquals(List.of("0.weight"), List.copyOf(groups.get(0).params().keySet()));
    assertEquals(List.of("0.bias", "1.gamma"), List.copyOf(groups.get(1).params().keySet()));
    Optimizer opt = Optimizers.sgd(groups, SGD.of(0.1).weightDecay(0.5));
    gradsOfZero(params);
    opt.step();
    assertArrayEquals(new float[] {0.95f, -1.9f, 2.85f, -3.8f}, params.get("0.weight").value().data(), 1e-6f);
    assertArrayEquals(new float[] {1, 1}, params.get("0.bias").value().data());
    assertArrayEquals(new float[] {2, 2}, params.get("1.gamma").value().data());
    assertEquals(0.0, opt.hyper(1).weightDecay());
  }

  @Test
  void eachGroupHasItsOwnLearningRate() {
    Map<String, Parameter> params = layer();
    Map<String, Parameter> head = Map.of("0.bias", params.remove("0.bias"));
    Optimizer opt = Optimizers.sgd(List.of(ParamGroup.of(params), ParamGroup.of(head).lr(1.0)), SGD.of(0.1));
    assertEquals(0.1, opt.lr(0));
    assertEquals(1.0, opt.lr(1));
    opt.setLr(0, 0.01);
    assertEquals(0.01, opt.lr());
    assertEquals(1.0, opt.lr(1));
    Problems.setGrad(head.get("0.bias"), 1f, 1f);
    Problems.setGrad(params.get("0.weight"), 1f, 1f, 1f, 1f);
    opt.step();
    assertArrayEquals(new float[] {0, 0}, head.get("0.bias").value().data(), 1e-7f);
    assertArrayEquals(new float[] {0.99f, -2.01f, 2.99f, -4.01f}, params.get("0.weight").value().data(), 1e-6f);
    opt.setLr(0.5);
    assertEquals(0.5, opt.lr(1));
    assertThrows(IllegalArgumentException.class, () -> opt.setLr(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> opt.lr(2));
  }

  @Test
  void aParameterListedTwiceOrNoParametersAtAllIsRejected() {
    Map<String, Parameter> params = layer();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.adam(List.of(ParamGroup.of(params), ParamGroup.of(params)), Adam.defaults()));
    assertTrue(e.getMessage().contains("'0.weight' is in more than one parameter group"), e.getMessage());
    Map<String, Parameter> tied = new LinkedHashMap<>(params);
    tied.put("2.weight", params.get("0.weight"));
    e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(tied, Adam.defaults()));
    assertTrue(e.getMessage().contains("'0.weight' and '2.weight' are the same parameter"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Optimizers.adam(Map.of(), Adam.defaults()));
    assertTrue(e.getMessage().contains("no parameters"), e.getMessage());
  }

  @Test
  void aStateDictFromAnotherOptimizerOrModelIsRejectedWithoutChangingAnything() {
    Map<String, Parameter> params = layer();
    Optimizer adam = Optimizers.adam(params, Adam.defaults());
    gradsOfZero(params);
    adam.step();
    StateDict saved = adam.stateDict();

    Optimizer sgd = Optimizers.sgd(layer(), SGD.of(0.1).momentum(0.9));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(saved));
    assertTrue(e.getMessage().contains("'adam' optimizer cannot be loaded into 'sgd'"), e.getMessage());

    Optimizer amsgrad = Optimizers.adam(layer(), Adam.defaults().amsgrad(true));
    e = assertThrows(IllegalArgumentException.class, () -> amsgrad.loadStateDict(saved));
    assertTrue(e.getMessage().contains("max_exp_avg_sq"), e.getMessage());

    Map<String, Parameter> other = Problems.params("fc.weight", 1f, 2f);
    Optimizer elsewhere = Optimizers.adam(other, Adam.defaults());
    e = assertThrows(IllegalArgumentException.class, () -> elsewhere.loadStateDict(saved));
    assertTrue(e.getMessage().contains("'0.weight', which is not a parameter here"), e.getMessage());

    Map<String, Parameter> resized = Problems.params("0.weight", 1f, 2f);
    Optimizer small = Optimizers.adam(resized, Adam.defaults());
    Problems.setGrad(resized.get("0.weight"), 1f, 1f);
    small.step();
    StateDict before = small.stateDict();
    StateDict onlyWeight = new StateDict("adam", 1, List.of(1e-3), Map.of("0.weight", saved.params().get("0.weight")));
    e = assertThrows(IllegalArgumentException.class, () -> small.loadStateDict(onlyWeight));
    assertTrue(e.getMessage().contains("has 4 values, the parameter 2"), e.getMessage());
    assertEquals(before.params().get("0.weight").buffers().get("exp_avg")[0],
        small.stateDict().params().get("0.weight").buffers().get("exp_avg")[0], "state unchanged after a failed load");
  }

  @Test
  void maximizeAscends() {
    Map<String, Parameter> params = Problems.params("w", 0f);
    Optimizer opt = Optimizers.sgd(params, SGD.of(0.1).maximize(true));
    Problems.setGrad(params.get("w"), 2f);
    opt.step();
    assertEquals(0.2f, params.get("w").value().data()[0], 1e-7f);
  }

  @Test
  void constraintsRunAfterEachStep() {
    Map<String, Parameter> params = layer();
    Optimizer opt = Optimizers.sgd(params, SGD.of(1.0)).constrain(p -> p.value().data()[0] = 42f);
    gradsOfZero(params);
    opt.step();
    params.values().forEach(p -> assertEquals(42f, p.value().data()[0]));
  }
}
