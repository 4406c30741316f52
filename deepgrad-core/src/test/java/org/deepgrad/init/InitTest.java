package org.deepgrad.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class InitTest {

  @Test
  void fansOfRanksTwoToFour() {
    assertEquals(new Fans(5, 3), Fans.of(Shape.of(3, 5)));
    assertEquals(new Fans(5 * 7, 3 * 7), Fans.of(Shape.of(3, 5, 7)));
    assertEquals(new Fans(3 * 4 * 5, 2 * 4 * 5), Fans.of(Shape.of(2, 3, 4, 5)));
    assertEquals(21, Fans.of(Shape.of(3, 5, 7)).get(FanMode.FAN_OUT));
    assertThrows(ShapeException.class, () -> Fans.of(Shape.of(5)));
    assertThrows(IllegalArgumentException.class, () -> new Fans(0, 3));
  }

  @Test
  void gainsAsTorch() {
    assertEquals(1, Gain.calculate("linear"));
    assertEquals(1, Gain.calculate("identity"));
    assertEquals(1, Gain.calculate("conv2d"));
    assertEquals(1, Gain.calculate("sigmoid"));
    assertEquals(5.0 / 3, Gain.calculate("tanh"));
    assertEquals(Math.sqrt(2), Gain.calculate("relu"));
    assertEquals(Math.sqrt(2 / (1 + 1e-4)), Gain.calculate("leaky_relu"), 1e-15);
    assertEquals(Math.sqrt(2 / 1.04), Gain.calculate(Nonlinearity.LEAKY_RELU, 0.2), 1e-15);
    assertEquals(Math.sqrt(2), Gain.calculate(Nonlinearity.LEAKY_RELU, 0), 1e-15);
    assertEquals(0.75, Gain.calculate("selu"));
    assertEquals(Math.sqrt(2), Gain.calculate(Nonlinearity.RELU, 0.3), "param is ignored except by leaky_relu");
    assertMessage(() -> Gain.calculate("swish"), "valid names: [linear, identity");
  }

  @Test
  void standardEqualsTorchsLinearDefaultKaimingUniformWithASqrt5() {
    Tensor a = Tensor.zeros(16, 9);
    Tensor b = Tensor.zeros(16, 9);
    Init.standard().fill(a, new Rng(11));
    Init.kaimingUniform(Math.sqrt(5), FanMode.FAN_IN, Nonlinearity.LEAKY_RELU).fill(b, new Rng(11));
    assertArrayEquals(a.data(), b.data(), 1e-7f);
  }

  @Test
  void biasTakesItsWeightsFans() {
    Tensor weight = Tensor.zeros(4, 25);
    Tensor bias = Tensor.zeros(4);
    Init.standard().fill(bias, Fans.of(weight.shape()), new Rng(3));
    for (float x : bias.data()) assertTrue(Math.abs(x) <= 0.2f && x != 0, "bias " + x + " outside ±1/√25");
    assertMessage(() -> Init.standard().fill(bias, new Rng(3)), "fill(bias, Fans.of(weight.shape()), rng)");
  }

  @Test
  void constantsAndEmptyTensors() {
    Tensor t = Tensor.zeros(2, 3, 4);
    Init.ones().fill(t, new Rng(1));
    for (float x : t.data()) assertEquals(1f, x);
    Init.constant(-0.5).fill(t, new Rng(1));
    for (float x : t.data()) assertEquals(-0.5f, x);
    Init.zeros().fill(Tensor.zeros(7), new Rng(1)); // needs no fans
    Init.heNormal().fill(Tensor.zeros(0, 5), new Rng(1)); // nothing to fill, as torch
  }

  @Test
  void sameSeedSameValues() {
    Tensor a = Tensor.zeros(8, 8);
    Tensor b = Tensor.zeros(8, 8);
    Init.xavierNormal(1).fill(a, new Rng(99));
    Init.xavierNormal(1).fill(b, new Rng(99));
    assertArrayEquals(a.data(), b.data());
  }

  @Test
  void byNameKnowsEachNameAndListsThemOnError() {
    assertEquals(Init.heNormal(), Init.byName("he_normal"));
    assertEquals(Init.xavierUniform(1), Init.byName(" Xavier_Uniform "));
    assertEquals(Init.kaimingUniform(0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU), Init.byName("kaiming_uniform"));
    assertEquals(Init.standard(), Init.byName("standard"));
    assertEquals(Init.orthogonal(1), Init.byName("orthogonal"));
    assertEquals(Init.normal(0, 1), Init.byName("normal"), "torch's normal_ defaults");
    assertEquals(Init.uniform(0, 1), Init.byName("uniform"), "torch's uniform_ defaults");
    for (String name : new String[] {"zeros", "ones", "xavier_normal", "glorot_uniform", "glorot_normal",
        "kaiming_normal", "he_uniform", "lecun_uniform", "lecun_normal"}) {
      Init.byName(name);
    }
    assertMessage(() -> Init.byName("xavier"), "unknown initializer 'xavier'; valid names: [glorot_normal,");
  }

  @Test
  void badArgumentsAreRejected() {
    assertMessage(() -> Init.uniform(1, 0), "need finite a <= b");
    assertMessage(() -> Init.normal(0, -1), "std >= 0");
    assertMessage(() -> Init.constant(Double.NaN), "must be finite");
    assertMessage(() -> Init.xavierUniform(0), "gain must be finite and > 0");
    assertMessage(() -> Init.xavierNormal(Double.POSITIVE_INFINITY), "gain");
    assertMessage(() -> Init.kaimingNormal(Double.NaN, FanMode.FAN_IN, Nonlinearity.RELU), "a (the leaky_relu");
    assertMessage(() -> Init.kaimingUniform(0, null, Nonlinearity.RELU), "fan mode");
    assertThrows(ShapeException.class, () -> Init.xavierUniform(1).fill(Tensor.zeros(3), new Rng(1)));
  }

  private static void assertMessage(Executable e, String fragment) {
    RuntimeException ex = assertThrows(RuntimeException.class, e);
    assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' lacks '" + fragment + "'");
  }
}
