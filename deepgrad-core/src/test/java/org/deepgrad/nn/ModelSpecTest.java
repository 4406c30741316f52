package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.LayerSpec.Act;
import org.deepgrad.nn.LayerSpec.BatchNorm;
import org.deepgrad.nn.LayerSpec.Dense;
import org.deepgrad.nn.LayerSpec.Dropout;
import org.deepgrad.nn.LayerSpec.Residual;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

  @Test
  void mlpLaysOutDenseNormActivationDropoutAndWrapsSameWidthBlocksInResiduals() {
    ModelSpec spec = ModelSpec.mlp(4, new int[] {8, 8, 6}, 3, "relu", "he_normal", true, 0.2, true);
    List<LayerSpec> block8 = List.of(new Dense(8, "he_normal"), new BatchNorm(), new Act("relu"), new Dropout(0.2));
    List<LayerSpec> expected = new ArrayList<>(block8); // 4 -> 8 changes the width: no residual
    expected.add(new Residual(block8));
    expected.addAll(List.of(new Dense(6, "he_normal"), new BatchNorm(), new Act("relu"), new Dropout(0.2)));
    expected.add(new Dense(3, "he_normal"));
    assertEquals(expected, spec.layers());
    assertEquals(3, spec.outputs());

    assertEquals(List.of(new Dense(5, null), new Act("tanh"), new Dense(2, null)),
        ModelSpec.mlp(4, new int[] {5}, 2, "tanh", null, false, 0, false).layers());
    assertEquals(List.of(new Dense(2, null)), ModelSpec.mlp(4, new int[0], 2, null, null, false, 0, true).layers());
  }

  @Test
  void buildGivesTheLayersInOrderWithResidualProjectionsWhereTheWidthChanges() {
    ModelSpec spec = new ModelSpec(4, List.of(new Dense(8, null), new LayerSpec.LayerNorm(), new Act("tanh"),
        new Residual(List.of(new Dense(8, null), new Act("relu"))), new Residual(List.of(new Dense(5, null))),
        new Dropout(0.5), new Dense(2, null)));
    Sequential m = spec.build(new Rng(1));
    assertEquals("Sequential(Linear(4 -> 8), LayerNorm(8), Tanh, Residual(Sequential(Linear(8 -> 8), ReLU)),"
        + " Residual(Sequential(Linear(8 -> 5)), Linear(8 -> 5, no bias)), Dropout(0.5), Linear(5 -> 2))", m.toString());
    assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "3.body.0.weight", "3.body.0.bias",
        "4.body.0.weight", "4.body.0.bias", "4.projection.weight", "6.weight", "6.bias"), List.copyOf(m.stateDict().keySet()));
    assertEquals(2, spec.outputs());
  }

  @Test
  void linearInitsNameEveryLinearInBuildOrderWithProjectionsAtTorchsDefault() {
    ModelSpec spec = new ModelSpec(4, List.of(new Dense(8, "he_normal"), new Act("relu"),
        new Residual(List.of(new Dense(8, "xavier_normal:auto"), new Act("tanh"))),
        new Residual(List.of(new Dense(5, "orthogonal"))), new Dense(2, null)));
    assertEquals(Arrays.asList("he_normal", "xavier_normal:auto", "orthogonal", null, null), spec.linearInits());
    assertEquals(spec.linearInits().size(), spec.build(new Rng(0)).stateDict().keySet().stream()
        .filter(k -> k.endsWith("weight")).count());
  }

  @Test
  void stateSizeCountsEveryParameterAndBufferWithoutBuilding() {
    for (ModelSpec spec : List.of(
        ModelSpec.mlp(7, new int[] {16, 16, 9}, 4, "relu", null, true, 0.1, true),
        ModelSpec.mlp(3, new int[] {3}, 1, "gelu", null, false, 0, true),
        new ModelSpec(4, List.of(new LayerSpec.LayerNorm(), new Residual(List.of(new Dense(6, null), new BatchNorm())),
            new Dense(2, null))))) {
      long built = spec.build(new Rng(0)).stateDict().values().stream().mapToLong(Tensor::size).sum();
      assertEquals(built, spec.stateSize(), spec.toString());
    }
  }

  @Test
  void sameSeedBuildsTheSameModelBitForBitDropoutMasksIncluded() {
    ModelSpec spec = ModelSpec.mlp(5, new int[] {12, 12}, 3, "relu", "xavier_uniform", true, 0.3, true);
    Sequential a = spec.build(new Rng(9));
    Sequential b = spec.build(new Rng(9));
    Map<String, Tensor> sb = b.stateDict();
    a.stateDict().forEach((k, t) -> assertArrayEquals(t.data(), sb.get(k).data(), k));
    Tensor x = Tensor.randn(new Rng(3), 6, 5);
    assertArrayEquals(a.forward(x).data(), b.forward(x).data()); // training mode: dropout draws too
    assertFalse(Arrays.equals(a.stateDict().get("0.weight").data(),
        spec.build(new Rng(10)).stateDict().get("0.weight").data()));
  }

  @Test
  void describeIsAOneLineSummary() {
    assertEquals("784-128-64-32-10 relu, batch norm, dropout 0.2",
        ModelSpec.mlp(784, new int[] {128, 64, 32}, 10, "relu", null, true, 0.2, false).describe());
    assertEquals("784-128-64-32-10 relu, he_normal init (gain 1.414), batch norm, dropout 0.2", // ModelSpec's doc
        ModelSpec.mlp(784, new int[] {128, 64, 32}, 10, "relu", "he_normal", true, 0.2, false).describe());
    ModelSpec deep = ModelSpec.mlp(16, new int[] {16, 16}, 1, "tanh", "xavier_normal", false, 0, true);
    assertEquals("16-16-16-1 tanh, xavier_normal init (gain 1), residual", deep.toString());
    assertEquals("8-4-4-2 tanh, standard init",
        ModelSpec.mlp(8, new int[] {4, 4}, 2, "tanh", "standard", false, 0, false).describe());
    assertEquals("3-2 layer norm", new ModelSpec(3, List.of(new LayerSpec.LayerNorm(), new Dense(2, null))).describe());
  }

  @Test
  void describeSaysTheGainEachDenseLayerGot() {
    assertEquals("784-64-64-64-10 relu, xavier_normal:auto init (gain 1.414 for dense layers 1-3, 1 for 4)",
        ModelSpec.mlp(784, new int[] {64, 64, 64}, 10, "relu", "xavier_normal:auto", false, 0, false).describe());
    assertEquals("8-4-4-2 tanh, kaiming_normal init (gain 1.414)",
        ModelSpec.mlp(8, new int[] {4, 4}, 2, "tanh", "kaiming_normal", false, 0, false).describe());
    ModelSpec mixed = new ModelSpec(8, List.of(new Dense(4, "orthogonal:auto"), new LayerSpec.Act("tanh"),
        new Dense(4, "he_normal"), new LayerSpec.Act("relu"), new Dense(2, "orthogonal:auto")));
    assertEquals("8-4-4-2 tanh, relu, orthogonal:auto init (gain 1.667 for dense layers 1, 1 for 3), "
        + "he_normal init (gain 1.414)", mixed.describe());
  }
}
