package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Sequential;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
  @TempDir Path dir;

  /** A trained-looking model: weights from seed 42, batch-norm running statistics moved by training passes. */
  static Sequential trained(ModelSpec spec) {
    Sequential m = spec.build(new Rng(42));
    Rng rng = new Rng(7);
    try (NoGrad g = NoGrad.enter()) {
      for (int i = 0; i < 3; i++) m.forward(Tensor.randn(rng, 16, spec.inputs()));
    }
    return m;
  }

  static ModelCard card(ModelSpec spec) {
    return new ModelCard(spec, Task.CLASSIFICATION, List.of("a", "b", "c"),
        new Preprocessing(0.5, new float[] {1, 2, 3, 4}, new float[] {1, 1, 2, 2}), Map.of("dataset", "toy"));
  }

  @Test
  void loadGivesBitIdenticalPredictionsWithBuffersInEvalMode() throws IOException {
    ModelSpec spec = ModelSpec.mlp(4, new int[] {8, 8}, 3, "relu", "he_normal", true, 0.25, true);
    Sequential model = trained(spec);
    ModelCard card = card(spec);
    ModelFiles.save(dir, model, card);

    SavedModel saved = ModelFiles.load(dir);
    assertEquals(card, saved.card());
    for (Module m : saved.model().namedModules().values()) assertFalse(m.isTraining(), m.toString());
    Map<String, Tensor> loaded = saved.model().stateDict();
    model.stateDict().forEach((k, t) -> assertArrayEquals(t.data(), loaded.get(k).data(), k));
    assertFalse(List.of(0f, 1f).contains(loaded.get("1.running_var").data()[0]), "buffers were trained");

    Tensor raw = Tensor.randn(new Rng(3), 5, 4);
    model.eval();
    try (NoGrad g = NoGrad.enter()) {
      float[] before = model.forward(card.pre().apply(raw)).data();
      float[] after = saved.model().forward(saved.card().pre().apply(raw)).data();
      assertArrayEquals(before, after);
    }
  }

  @Test
  void writesBothFilesWithInfoAsMetadataAndLeavesNoTemporaryFiles() throws IOException {
    ModelSpec spec = ModelSpec.mlp(4, new int[] {5}, 3, "tanh", null, false, 0, false);
    Path target = dir.resolve("new/sub");
    ModelFiles.save(target, spec.build(new Rng(1)), card(spec));
    ModelFiles.save(target, spec.build(new Rng(2)), card(spec)); // replaces the first
    try (Stream<Path> files = Files.list(target)) {
      assertEquals(List.of("model.json", "model.safetensors"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    Safetensors.Contents st = Safetensors.read(target.resolve(ModelFiles.WEIGHTS));
    assertEquals(Map.of("dataset", "toy"), st.metadata());
    assertArrayEquals(spec.build(new Rng(2)).stateDict().get("0.weight").data(), st.tensors().get("0.weight").data());
    assertTrue(Files.readString(target.resolve(ModelFiles.CARD)).contains(
        Checksums.hex(Checksums.sha256(target.resolve(ModelFiles.WEIGHTS)))));
  }

  @Test
  void saveRejectsAModelThatIsNotWhatTheSpecBuilds() {
    ModelSpec spec = ModelSpec.mlp(4, new int[] {5}, 3, "relu", null, false, 0, false);
    Sequential other = ModelSpec.mlp(4, new int[] {6}, 3, "relu", null, false, 0, false).build(new Rng(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFiles.save(dir, other, card(spec)));
    assertTrue(e.getMessage().contains("does not fit its card's spec (4-5-3 relu)"), e.getMessage());
    assertTrue(e.getMessage().contains("wrong shape: [0.weight [6, 4] (model has [5, 4])"), e.getMessage());
    assertFalse(Files.exists(dir.resolve(ModelFiles.WEIGHTS)), "nothing is written");
  }
}
