package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.init.FanMode;
import org.deepgrad.init.Init;
import org.deepgrad.init.Initializer;
import org.deepgrad.init.Nonlinearity;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The initializer a dense layer of a spec gets: torch names take the gain of the activation that follows. */
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

  @Test
  void torchNamesTakeTheGainOfTheFollowingActivation() {
    LayerSpec tanh = new LayerSpec.Act("tanh");
    assertArrayEquals(expected(Init.xavierNormal(5.0 / 3)), built("xavier_normal", tanh));
    assertArrayEquals(expected(Init.xavierUniform(Math.sqrt(2))), built("xavier_uniform", new LayerSpec.Act("relu")));
    assertArrayEquals(expected(Init.kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.TANH)), built("kaiming_normal", tanh));
    assertArrayEquals(expected(Init.kaimingUniform(0.01, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU)),
        built("kaiming_uniform", new LayerSpec.Act("leaky_relu")));
    assertArrayEquals(expected(Init.orthogonal(5.0 / 3)), built("orthogonal", tanh));
  }

  @Test
  void normalizationAndDropoutAreSkippedButADenseLayerEndsTheSearch() {
    LayerSpec tanh = new LayerSpec.Act("tanh");
    assertArrayEquals(expected(Init.xavierNormal(5.0 / 3)),
        built("xavier_normal", new LayerSpec.BatchNorm(), new LayerSpec.Dropout(0.1), tanh));
    assertArrayEquals(expected(Init.kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.LINEAR)),
        built("kaiming_normal", new LayerSpec.Dense(3, null), tanh));
    assertArrayEquals(expected(Init.kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.LINEAR)), built("kaiming_normal"));
  }

  @Test
  void kerasNamesAndUnknownGainsKeepTheNamedInitializer() {
    LayerSpec relu = new LayerSpec.Act("relu");
    assertArrayEquals(expected(Init.xavierNormal(1)), built("glorot_normal", relu));
    assertArrayEquals(expected(Init.heNormal()), built("he_normal", new LayerSpec.Act("tanh")));
    assertArrayEquals(expected(Init.lecunNormal()), built("lecun_normal", relu));
    assertArrayEquals(expected(Init.byName("kaiming_normal")), built("kaiming_normal", new LayerSpec.Act("gelu")));
    assertArrayEquals(expected(Init.standard()), built(null, relu));
  }
}
