package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.ops.Reductions;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModuleTest {

  private static Sequential net(long seed) {
    return Sequential.builder(4, new Rng(seed))
        .dense(8, Activation.relu()).batchNorm().dropout(0.5f)
        .dense(3)
        .build();
  }

  @Test
  void parametersAndBuffersAreNamedByPath() {
    Sequential m = net(1);
    assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"),
        List.copyOf(m.namedParameters().keySet()));
    assertEquals(List.of("2.running_mean", "2.running_var"), List.copyOf(m.namedBuffers().keySet()));
    assertEquals(4 * 8 + 8 + 8 + 8 + 8 * 3 + 3, m.parameterCount());
    assertEquals(Parameter.Role.NORM, m.namedParameters().get("2.weight").role());
    assertEquals(Parameter.Role.BIAS, m.namedParameters().get("4.bias").role());
  }

  @Test
  void evalSwitchesTheWholeTree() {
    Sequential m = net(1);
    m.eval();
    for (Module sub : m.namedModules().values()) assertFalse(sub.isTraining(), sub.toString());
    m.train(true);
    for (Module sub : m.namedModules().values()) assertTrue(sub.isTraining(), sub.toString());
  }

  @Test
  void stateDictRoundTripGivesTheSameOutputs() {
    Sequential a = net(1);
    Sequential b = net(2);
    Tensor x = Tensor.randn(new Rng(3), 5, 4);
    a.forward(x); // moves a's running statistics away from their initial values
    a.eval();
    b.eval();
    b.loadStateDict(a.stateDict());
    try (NoGrad scope = NoGrad.enter()) {
      assertArrayEquals(a.forward(x).data(), b.forward(x).data());
    }
  }

  @Test
  void loadStateDictNamesWhatDoesNotFit() {
    Sequential a = net(1);
    Map<String, Tensor> state = new java.util.LinkedHashMap<>(a.stateDict());
    state.remove("0.bias");
    state.put("9.weight", Tensor.zeros(1));
    state.put("4.weight", Tensor.zeros(2, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net(2).loadStateDict(state));
    assertTrue(e.getMessage().contains("missing: [0.bias]"), e.getMessage());
    assertTrue(e.getMessage().contains("unexpected: [9.weight]"), e.getMessage());
    assertTrue(e.getMessage().contains("4.weight [2, 2]"), e.getMessage());
  }

  @Test
  void zeroGradClearsEveryParameter() {
    Sequential m = net(1);
    Autograd.backward(Reductions.sum(m.forward(Tensor.randn(new Rng(3), 5, 4))));
    assertTrue(m.parameters().stream().allMatch(p -> p.grad() != null));
    m.zeroGrad();
    assertTrue(m.parameters().stream().allMatch(p -> p.grad() == null));
  }

  @Test
  void sameSeedSameNetwork() {
    assertArrayEquals(net(7).namedParameters().get("0.weight").value().data(),
        net(7).namedParameters().get("0.weight").value().data());
  }
}
