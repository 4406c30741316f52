package org.deepgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deepgrad.nn.Parameter;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every preset of the registry must do: minimise a quadratic and the Rosenbrock function,
 * resume from its state dict bit for bit, and reject bad hyper-parameters with a clear message.
 */
class OptimizerContractTest {

  /**
   * A preset with the learning rates (picked per optimizer) at which it minimises the test
   * functions, and hyper-parameters that switch on all of its state buffers.
   */
  record Case(String name, double quadLr, double rosenLr, int rosenSteps, Map<String, Object> rich) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> presets() {
    return Stream.of(
        new Case("sgd", 0.1, 0.002, 5000, Map.of("lr", 0.05, "momentum", 0.9, "dampening", 0.1, "weight_decay", 0.01)),
        new Case("momentum", 0.03, 0.001, 3000, Map.of("lr", 0.05)),
        new Case("nesterov", 0.03, 0.001, 3000, Map.of("lr", 0.05, "weight_decay", 0.01)),
        new Case("adagrad", 1.0, 0.5, 5000, Map.of("lr_decay", 0.01, "initial_accumulator_value", 0.1)),
        new Case("rmsprop", 0.03, 0.001, 5000, Map.of("centered", true, "momentum", 0.5)),
        new Case("adadelta", 1.0, 0.1, 5000, Map.of("weight_decay", 0.01)),
        new Case("adam", 0.1, 0.03, 3000, Map.of("amsgrad", true, "weight_decay", 0.01)),
        new Case("adamw", 0.1, 0.03, 3000, Map.of("amsgrad", true)),
        new Case("adamax", 0.1, 0.3, 3000, Map.of("weight_decay", 0.01)),
        new Case("nadam", 0.03, 0.01, 3000, Map.of("weight_decay", 0.01)),
        new Case("radam", 0.1, 0.004, 8000, Map.of("weight_decay", 0.01)));
  }

  @Test
  void theTableCoversTheRegistry() {
    assertEquals(OptimizerRegistry.names(), presets().map(Case::name).collect(java.util.stream.Collectors.toSet()));
  }

  @ParameterizedTest
  @MethodSource("presets")
  void minimisesAnIllConditionedQuadratic(Case c) {
    double[] a = {1, 2, 5, 10};
    double[] target = {1, -2, 3, 0.5};
    Optimizer opt = OptimizerRegistry.create(c.name(), Map.of("lr", c.quadLr()), Problems.params("theta", 0, 0, 0, 0));
    double f0 = Problems.quadratic(new float[4], a, target, null);
    double f = Problems.minimise(opt, (x, g) -> Problems.quadratic(x, a, target, g), 1000);
    assertTrue(f < 1e-3, c + ": f = " + f + " after 1000 steps (from " + f0 + ")");
  }

  @ParameterizedTest
  @MethodSource("presets")
  void minimisesRosenbrock(Case c) {
    Optimizer opt = OptimizerRegistry.create(c.name(), Map.of("lr", c.rosenLr()), Problems.params("xy", -1.2f, 1f));
    double f = Problems.minimise(opt, Problems::rosenbrock, c.rosenSteps());
    assertTrue(f < 0.05, c + ": f = " + f + " after " + c.rosenSteps() + " steps (from 24.2)");
  }

  @ParameterizedTest
  @MethodSource("presets")
  void resumesFromItsStateDictBitForBit(Case c) {
    Rng rng = new Rng(7);
    float[] start = new float[6];
    for (int i = 0; i < start.length; i++) start[i] = (float) rng.normal();
    float[][] grads = new float[12][6];
    for (float[] g : grads) for (int i = 0; i < g.length; i++) g[i] = (float) rng.normal();

    Map<String, Parameter> straight = Problems.params("w", start);
    Optimizer uninterrupted = OptimizerRegistry.create(c.name(), c.rich(), straight);
    run(uninterrupted, grads, 0, 12);

    Map<String, Parameter> first = Problems.params("w", start);
    Optimizer before = OptimizerRegistry.create(c.name(), c.rich(), first);
    run(before, grads, 0, 4);
    StateDict saved = before.stateDict();
    Map<String, Parameter> resumedParams = Problems.params("w", first.get("w").value().data());
    Optimizer resumed = OptimizerRegistry.create(c.name(), c.rich(), resumedParams);
    resumed.loadStateDict(saved);
    run(resumed, grads, 4, 12);

    assertArrayEquals(straight.get("w").value().data(), resumedParams.get("w").value().data(), c.name());
    assertEquals(12, resumed.steps());
    StateDict a = uninterrupted.stateDict();
    StateDict b = resumed.stateDict();
    assertEquals(a.params().get("w").step(), b.params().get("w").step());
    assertEquals(a.params().get("w").buffers().keySet(), b.params().get("w").buffers().keySet());
    a.params().get("w").buffers().forEach((k, v) -> assertArrayEquals(v, b.params().get("w").buffers().get(k), k));
  }

  private static void run(Optimizer opt, float[][] grads, int from, int to) {
    Parameter p = opt.parameters().get("w");
    for (int s = from; s < to; s++) {
      Problems.setGrad(p, grads[s]);
      opt.step();
    }
  }

  @ParameterizedTest
  @MethodSource("presets")
  void rejectsANegativeLearningRateOrEps(Case c) {
    Map<String, Parameter> params = Problems.params("w", 1f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerRegistry.create(c.name(), Map.of("lr", -0.1), params));
    assertTrue(e.getMessage().contains("lr = -0.1") && e.getMessage().contains(">= 0"), e.getMessage());
    if (c.name().equals("sgd") || c.name().equals("momentum") || c.name().equals("nesterov")) return;
    e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerRegistry.create(c.name(), Map.of("eps", -1e-8), params));
    assertTrue(e.getMessage().contains("eps = -1.0E-8") && e.getMessage().contains("Fix"), e.getMessage());
  }

  @Test
  void rejectsBetasOutsideZeroOne() {
    Map<String, Parameter> params = Problems.params("w", 1f);
    for (String name : List.of("adam", "adamw", "adamax", "nadam", "radam")) {
      for (List<Double> betas : List.of(List.of(1.0, 0.999), List.of(0.9, -0.1), List.of(0.9, 1.5))) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> OptimizerRegistry.create(name, Map.of("betas", betas), params), name + " " + betas);
        assertTrue(e.getMessage().contains("betas[") && e.getMessage().contains("in [0, 1)"), e.getMessage());
      }
    }
  }

  @Test
  void rejectsNesterovWithoutMomentumOrWithDampening() {
    Map<String, Parameter> params = Problems.params("w", 1f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerRegistry.create("sgd", Map.of("lr", 0.1, "nesterov", true), params));
    assertTrue(e.getMessage().contains("nesterov needs momentum > 0 and dampening = 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> OptimizerRegistry.create("nesterov", Map.of("lr", 0.1, "dampening", 0.1), params));
    assertThrows(IllegalArgumentException.class, () -> SGD.of(0.1).nesterov(true));
  }

  @Test
  void rejectsOtherOutOfRangeValues() {
    Map<String, Parameter> params = Problems.params("w", 1f);
    Map<String, Map<String, Object>> bad = Map.of(
        "sgd", Map.of("lr", 0.1, "momentum", -0.5),
        "adagrad", Map.of("lr_decay", -1),
        "rmsprop", Map.of("alpha", -0.1),
        "adadelta", Map.of("rho", 1.1),
        "nadam", Map.of("momentum_decay", -1e-3),
        "adamw", Map.of("weight_decay", -0.01),
        "adam", Map.of("lr", Double.NaN));
    bad.forEach((name, hyper) -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> OptimizerRegistry.create(name, hyper, params), name + " " + hyper);
      assertTrue(e.getMessage().contains("is invalid; it must be"), e.getMessage());
    });
  }

  @Test
  void unknownNamesAndHyperParametersAreErrorsNotSkips() {
    Map<String, Parameter> params = Problems.params("w", 1f);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerRegistry.create("adamm", Map.of(), params));
    assertTrue(e.getMessage().contains("unknown optimizer 'adamm'") && e.getMessage().contains("adamw"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OptimizerRegistry.create("adam", Map.of("beta1", 0.9), params));
    assertTrue(e.getMessage().contains("[beta1]") && e.getMessage().contains("betas"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OptimizerRegistry.create("nadam", Map.of("maximize", true), params));
    assertTrue(e.getMessage().contains("maximize"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OptimizerRegistry.create("sgd", Map.of(), params));
    assertTrue(e.getMessage().contains("'lr' is required"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> OptimizerRegistry.create("adam", Map.of("lr", "fast"), params));
    assertTrue(e.getMessage().contains("'lr' = fast is not a number"), e.getMessage());
  }

  @Test
  void hyperParametersAreTheRecordsComponentsUnderTorchNames() {
    assertEquals(List.of(
        new HyperParameter("lr", HyperParameter.Kind.NUMBER, 1e-3),
        new HyperParameter("betas", HyperParameter.Kind.PAIR, List.of(0.9, 0.999)),
        new HyperParameter("eps", HyperParameter.Kind.NUMBER, 1e-8),
        new HyperParameter("weight_decay", HyperParameter.Kind.NUMBER, 0.0),
        new HyperParameter("amsgrad", HyperParameter.Kind.BOOLEAN, false),
        new HyperParameter("maximize", HyperParameter.Kind.BOOLEAN, false)), OptimizerRegistry.hyperParameters("adam"));
    assertEquals(List.of("lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"),
        OptimizerRegistry.hyperParameters("adagrad").stream().map(HyperParameter::name).toList());
    HyperParameter lr = OptimizerRegistry.hyperParameters("sgd").get(0);
    assertTrue(lr.required() && lr.name().equals("lr"), "torch's SGD has no default lr: " + lr);
    assertEquals(0.9, OptimizerRegistry.hyperParameters("Nesterov").get(1).defaultValue(), "momentum");
  }

  @ParameterizedTest
  @MethodSource("presets")
  void takesEveryHyperParameterItListsAndNoOther(Case c) {
    Map<String, Parameter> params = Problems.params("w", 1f);
    Map<String, Object> all = new HashMap<>();
    Map<String, Object> required = new HashMap<>();
    for (HyperParameter p : OptimizerRegistry.hyperParameters(c.name())) {
      all.put(p.name(), p.required() ? 0.01 : p.defaultValue());
      if (p.required()) required.put(p.name(), 0.01);
    }
    Optimizer opt = OptimizerRegistry.create(c.name(), all, params);
    assertEquals(OptimizerRegistry.create(c.name(), required, params).hyper(0), opt.hyper(0), "the defaults, given");
    for (String other : OptimizerRegistry.names()) {
      for (HyperParameter p : OptimizerRegistry.hyperParameters(other)) {
        if (all.containsKey(p.name())) continue;
        Map<String, Object> extra = new HashMap<>(required);
        extra.put(p.name(), p.defaultValue());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> OptimizerRegistry.create(c.name(), extra, params), c.name() + " took " + p.name());
        assertTrue(e.getMessage().contains("unknown hyper-parameter(s) [" + p.name() + "]"), e.getMessage());
      }
    }
  }

  @Test
  void acceptsTheFormsACommandLineGives() {
    Map<String, Object> hyper = new HashMap<>();
    hyper.put("lr", "0.01");
    hyper.put("betas", "0.8,0.99");
    hyper.put("amsgrad", "true");
    Optimizer opt = OptimizerRegistry.create("Adam", hyper, Problems.params("w", 1f));
    assertEquals(Adam.defaults().lr(0.01).betas(0.8, 0.99).amsgrad(true), opt.hyper(0));
    assertEquals(0.01, opt.lr());
  }
}
