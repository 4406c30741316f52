package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.ops.Reductions;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Forward hooks as torch's register_forward_hook: order, arguments, replacement, removal. */
class ForwardHookTest {

  private static Sequential net() {
    return Sequential.builder(3, new Rng(7)).dense(4, Activation.tanh()).dense(2).build();
  }

  private static final Tensor X = Tensor.randn(new Rng(8), 5, 3);

  @Test
  void hooksFireInForwardOrderWithTheModuleItsInputAndItsOutput() {
    Sequential m = net();
    List<String> calls = new ArrayList<>();
    List<Tensor> outputs = new ArrayList<>();
    for (var e : m.children().entrySet()) {
      e.getValue().registerForwardHook((mod, in, out) -> {
        assertSame(e.getValue(), mod);
        if (!outputs.isEmpty()) assertSame(outputs.get(outputs.size() - 1), in); // each sees its predecessor's output
        calls.add(e.getKey());
        outputs.add(out);
        return null;
      });
    }
    Tensor y = m.forward(X);
    assertEquals(List.of("0", "1", "2"), calls);
    assertSame(outputs.get(2), y);
  }

  @Test
  void hooksOnOneModuleRunInRegistrationOrderAndMayReplaceTheOutput() {
    Sequential m = net();
    Module act = m.layers().get(1);
    List<Integer> order = new ArrayList<>();
    act.registerForwardHook((mod, in, out) -> {
      order.add(1);
      return Tensor.zeros(out.shape());
    });
    act.registerForwardHook((mod, in, out) -> {
      order.add(2);
      assertArrayEquals(new float[out.size()], out.data()); // sees the replaced output
      return null;
    });
    Tensor y = m.forward(X);
    assertEquals(List.of(1, 2), order);
    Linear last = (Linear) m.layers().get(2);
    for (int i = 0; i < y.size(); i++) assertEquals(last.bias().value().data()[i % 2], y.data()[i], 0f);
  }

  @Test
  void removedHooksNoLongerFireAndRemovingTwiceIsHarmless() {
    Sequential m = net();
    int[] count = new int[2];
    Module.ForwardHook hook = (mod, in, out) -> {
      count[0]++;
      return null;
    };
    Module.HookHandle a = m.layers().get(0).registerForwardHook(hook);
    m.layers().get(0).registerForwardHook(hook); // the same hook twice: each handle removes its own
    m.layers().get(0).registerForwardHook((mod, in, out) -> {
      count[1]++;
      return null;
    });
    m.forward(X);
    a.remove();
    a.remove();
    m.forward(X);
    assertArrayEquals(new int[] {3, 2}, count);
  }

  @Test
  void aHookMayRemoveItselfWhileHooksRun() {
    Sequential m = net();
    int[] count = new int[1];
    Module.HookHandle[] self = new Module.HookHandle[1];
    self[0] = m.layers().get(0).registerForwardHook((mod, in, out) -> {
      count[0]++;
      self[0].remove();
      return null;
    });
    m.forward(X);
    m.forward(X);
    assertEquals(1, count[0]);
  }

  @Test
  void observingHooksLeaveOutputsAndGradientsUnchanged() {
    Sequential plain = net();
    Sequential hooked = net();
    for (Module sub : hooked.namedModules().values()) sub.registerForwardHook((mod, in, out) -> null);
    Tensor a = plain.forward(X);
    Tensor b = hooked.call(X);
    assertArrayEquals(a.data(), b.data());
    Autograd.backward(Reductions.sum(a));
    Autograd.backward(Reductions.sum(b));
    assertArrayEquals(plain.layers().get(0).namedParameters().get("weight").grad().data(),
        hooked.layers().get(0).namedParameters().get("weight").grad().data());
  }
}
