package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.init.FanMode;
import org.deepgrad.init.Init;
import org.deepgrad.init.Initializer;
import org.deepgrad.init.Nonlinearity;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The initializer a dense layer of a spec gets: torch's names with torch's default arguments whatever
 * the activation, {@code NAME:auto} with the gain of the activation that follows.
 */
class SpecInitTest {
  private static final int IN = 6;
  private static final int OUT = 5;

  /** The first layer's weights when the spec is {@code Dense(OUT, init)} followed by {@code after}. */
  private static float[] built(String init, LayerSpec... after) {
    List<LayerSpec> layers = new ArrayList<>(List.of(new LayerSpec.Dense(OUT, init)));
    layers.addAll(List.of(after));
    return new ModelSpec(IN, layers).build(new Rng(5)).stateDict().get("0.weight").data();
  }

  private static float[] expected(Initializer init) {
    Tensor w = Tensor.zeros(OUT, IN);
    init.fill(w, new Rng(5)); // Linear draws its weight first from the builder's generator
    return w.data();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Activation.Kind.class)
  void torchNamesTakeTorchsDefaultArgumentsWhateverTheActivation(Activation.Kind kind) {
    LayerSpec act = new LayerSpec.Act(kind.configName());
    assertArrayEquals(expected(Init.xavierNormal(1)), built("xavier_normal", act));
    assertArrayEquals(expected(Init.xavierUniform(1)), built("xavier_uniform", act));
    assertArrayEquals(expected(Init.kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU)), built("kaiming_normal", act));
    assertArrayEquals(expected(Init.kaimingUniform(0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU)),
        built("kaiming_uniform", act));
    assertArrayEquals(expected(Init.orthogonal(1)), built("orthogonal", act));
  }

  @Test
  void autoTakesTheGainOfTheFollowingActivation() {
    LayerSpec tanh = new LayerSpec.Act("tanh");
    assertArrayEquals(expected(Init.xavierNormal(5.0 / 3)), built("xavier_normal:auto", tanh));
    assertArrayEquals(expected(Init.xavierUniform(Math.sqrt(2))), built("xavier_uniform:auto", new LayerSpec.Act("relu")));
    assertArrayEquals(expected(Init.kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.TANH)), built("kaiming_normal:auto", tanh));
    assertArrayEquals(expected(Init.kaimingUniform(0.01, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU)),
        built("kaiming_uniform:auto", new LayerSpec.Act("leaky_relu")));
    assertArrayEquals(expected(Init.orthogonal(5.0 / 3)), built("Orthogonal:AUTO ", tanh));
    assertArrayEquals(expected(Init.xavierNormal(1)), built("xavier_normal:auto", new LayerSpec.Act("sigmoid")));
  }

  @Test
  void autoSkipsNormalizationAndDropoutButADenseLayerEndsTheSearch() {
    LayerSpec tanh = new LayerSpec.Act("tanh");
    assertArrayEquals(expected(Init.xavierNormal(5.0 / 3)),
        built("xavier_normal:auto", new LayerSpec.BatchNorm(), new LayerSpec.Dropout(0.1), tanh));
    assertArrayEquals(expected(Init.kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.LINEAR)),
        built("kaiming_normal:auto", new LayerSpec.Dense(3, null), tanh));
    assertArrayEquals(expected(Init.kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.LINEAR)), built("kaiming_normal:auto"));
  }

  @Test
  void autoBeforeAnActivationTorchHasNoGainForIsAnError() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> built("xavier_normal:auto", new LayerSpec.Act("gelu"))).getMessage();
    assertTrue(m.contains("xavier_normal:auto") && m.contains("gelu") && m.contains("calculate_gain"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new LayerSpec.Dense(3, "he_normal:auto")).getMessage();
    assertTrue(m.contains("he_normal") && m.contains("xavier_normal") && m.contains("without :auto"), m);
    assertThrows(IllegalArgumentException.class, () -> new LayerSpec.Dense(3, "xavier_nromal:auto"));
  }

  @Test
  void kerasNamesKeepTheirFixedScaleAndDefaultIsTorchsDefault() {
    LayerSpec relu = new LayerSpec.Act("relu");
    assertArrayEquals(expected(Init.xavierNormal(1)), built("glorot_normal", relu));
    assertArrayEquals(expected(Init.heNormal()), built("he_normal", new LayerSpec.Act("tanh")));
    assertArrayEquals(expected(Init.lecunNormal()), built("lecun_normal", relu));
    assertArrayEquals(expected(Init.standard()), built(null, relu));
    assertNull(new LayerSpec.Dense(3, " Default").init());
    assertEquals(new LayerSpec.Dense(3, null), new LayerSpec.Dense(3, "default"));
  }
}
