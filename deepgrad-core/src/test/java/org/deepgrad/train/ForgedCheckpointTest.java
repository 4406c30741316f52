package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.io.Safetensors;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.StateDict;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.CheckpointException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints edited and checksummed again, as anyone can: a tensor of the right size and the wrong
 * shape is refused by shape, not only by size, before any of the trainer's state changes.
 */
class ForgedCheckpointTest {
  @TempDir Path dir;

  /** Two checkpoints of Fixtures.net (6 -> 16 -> ...), at steps 1 and 2; returns the newest. */
  private Path twoCheckpoints() throws Exception {
    Sequential model = Fixtures.net(1);
    Fixtures.classifier(model, Fixtures.adam(model), 1, TrainerSettings.defaults().withMaxSteps(2)
        .withCheckpoints(dir, 1, 0, 3)).fit();
    List<Path> files = new CheckpointStore(dir, 3).list();
    assertEquals(2, files.size());
    return files.get(1);
  }

  /** Replaces tensor {@code name} of {@code file} by its values in {@code shape}, with a correct checksum. */
  private static void reshape(Path file, String name, int... shape) throws Exception {
    Safetensors.Contents c = Safetensors.read(file);
    Map<String, Tensor> tensors = new LinkedHashMap<>(c.tensors());
    tensors.put(name, Tensor.of(tensors.get(name).data(), shape));
    Map<String, String> meta = new LinkedHashMap<>(c.metadata());
    meta.put(CheckpointDigest.KEY, CheckpointDigest.of(tensors, meta));
    Safetensors.write(file, tensors, meta);
  }

  @Test
  void anOptimizerBufferOfAnotherShapeIsRefusedAndResumeFallsBack() throws Exception {
    Path newest = twoCheckpoints();
    String fingerprint = Checkpoint.fingerprint(Fixtures.net(1));
    for (int[] shape : new int[][] {{6, 16}, {96}}) {
      reshape(newest, "optim.0.weight.exp_avg", shape);
      CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointStore.read(newest, fingerprint));
      assertEquals(Kind.UNREADABLE, e.kind(), e.getMessage());
      assertTrue(e.getMessage().startsWith(newest.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("'optim.0.weight.exp_avg' has shape " + Tensor.zeros(shape).shape()
          + ", but its parameter has [16, 6]"), e.getMessage());
    }
    Sequential model = Fixtures.net(7);
    CheckpointStore.Loaded loaded = Fixtures.classifier(model, Fixtures.adam(model), 7, TrainerSettings.defaults())
        .resume(dir);
    assertEquals(dir.resolve(CheckpointStore.fileName(1)), loaded.file(), "the forged newest file is passed over");
    assertEquals(1, loaded.skipped().size());
  }

  @Test
  void aModelTensorOfAnotherShapeIsRefusedBeforeAnythingChanges() throws Exception {
    Path newest = twoCheckpoints();
    java.nio.file.Files.delete(dir.resolve(CheckpointStore.fileName(1)));
    for (String name : List.of("model.0.weight", "optim.0.weight.exp_avg", "optim.0.weight.exp_avg_sq")) {
      reshape(newest, name, 6, 16); // consistent with one another, not with the model
    }
    Sequential model = Fixtures.net(7);
    Optimizer adam = Fixtures.adam(model);
    Trainer<?> t = Fixtures.classifier(model, adam, 7, TrainerSettings.defaults());
    StateDict before = adam.stateDict();
    float[] weights = model.stateDict().get("0.weight").data().clone();
    CheckpointException e = assertThrows(CheckpointException.class, () -> t.resume(dir));
    assertEquals(Kind.INCOMPATIBLE, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("'model.0.weight' has shape [6, 16], this model's [16, 6]"), e.getMessage());
    assertEquals(before.steps(), adam.stateDict().steps());
    assertEquals(before.params().keySet(), adam.stateDict().params().keySet(), "the optimizer is as it was");
    assertArrayEquals(weights, model.stateDict().get("0.weight").data());
  }
}
