package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LayerSpecTest {
  private static final LayerSpec.Dense D3 = new LayerSpec.Dense(3, null);

  private static void rejects(Executable make, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
    for (String f : fragments) assertTrue(e.getMessage().contains(f), e.getMessage());
  }

  @Test
  void namesAreNormalizedSoEqualSpecsCompareEqual() {
    assertEquals("relu", new LayerSpec.Act(" ReLU ").name());
    assertEquals(new LayerSpec.Dense(4, "he_normal"), new LayerSpec.Dense(4, "He_Normal"));
    assertNull(new LayerSpec.Dense(4, null).init());
  }

  @Test
  void layersRejectBadValuesNamingTheRangeOrTheValidNames() {
    rejects(() -> new LayerSpec.Dense(0, null), "units in [1, " + ModelSpec.MAX_WIDTH + "]", "got 0");
    rejects(() -> new LayerSpec.Dense(ModelSpec.MAX_WIDTH + 1, null), "units in [1,");
    rejects(() -> new LayerSpec.Dense(3, "he_nromal"), "unknown initializer 'he_nromal'", "he_normal", "xavier_uniform");
    rejects(() -> new LayerSpec.Act("relu6"), "unknown activation 'relu6'", "leaky_relu", "tanh");
    rejects(() -> new LayerSpec.Act(null), "needs a name");
    rejects(() -> new LayerSpec.Dropout(1), "dropout p must be in [0, 1), got 1.0");
    rejects(() -> new LayerSpec.Dropout(-0.1), "[0, 1)");
    rejects(() -> new LayerSpec.Dropout(Double.NaN), "got NaN");
    rejects(() -> new LayerSpec.Residual(List.of()), "at least one layer");
    rejects(() -> new LayerSpec.Residual(Collections.singletonList(null)), "null layer");
  }

  @Test
  void modelSpecRejectsBadInputsAndLayerLists() {
    rejects(() -> new ModelSpec(0, List.of(D3)), "inputs in [1,", "got 0");
    rejects(() -> new ModelSpec(4, List.of()), "at least one layer");
    rejects(() -> new ModelSpec(4, null), "at least one layer");
    rejects(() -> new ModelSpec(4, List.of(new LayerSpec.Act("relu"))), "at least one dense layer");
    rejects(() -> new ModelSpec(4, List.of(new LayerSpec.Residual(List.of(new LayerSpec.BatchNorm())))), "dense");
    rejects(() -> new ModelSpec(1 << 16, List.of(new LayerSpec.Dense(1 << 16, null))), "needs 4294967296 weights",
        "more than one tensor holds");
    List<LayerSpec> many = new ArrayList<>(Collections.nCopies(ModelSpec.MAX_LAYERS, new LayerSpec.LayerNorm()));
    many.add(D3);
    rejects(() -> new ModelSpec(4, many), "1001 layers", "limit of 1000");
    rejects(() -> ModelSpec.mlp(4, new int[] {8}, 3, "relu", null, false, 1.0, false), "dropout must be in [0, 1)");
    rejects(() -> ModelSpec.mlp(4, new int[] {8}, 3, "sigmoidd", null, false, 0, false), "unknown activation");
  }

  @Test
  void specIsImmutable() {
    List<LayerSpec> layers = new ArrayList<>(List.of(D3));
    ModelSpec spec = new ModelSpec(2, layers);
    layers.add(new LayerSpec.Dense(5, null));
    assertEquals(3, spec.outputs());
    assertThrows(UnsupportedOperationException.class, () -> spec.layers().add(D3));
  }
}
