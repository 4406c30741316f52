package org.deepgrad.io;

import static org.deepgrad.testing.FuzzContract.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepgrad.nn.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@link ModelFiles#load} through its model.json: each input is written as model.json next
 * to the weights of a small saved model (the seed corpus, {@code ModelFilesFuzzTestInputs/modelJson},
 * starts from that model's own model.json). Loading returns a model whose weights fit its card, or
 * throws a {@link ModelFileException} naming the file.
 */
class ModelFilesFuzzTest {
  /** The model whose weights sit next to every input; the seeds' model.json files describe it. */
  static final ModelSpec SPEC = ModelSpec.mlp(4, new int[] {8, 8}, 3, "relu", "he_normal", true, 0.25, true);

  @TempDir static Path dir;

  @BeforeAll
  static void saveWeights() throws IOException {
    ModelFiles.save(dir, ModelFilesTest.trained(SPEC), ModelFilesTest.card(SPEC));
  }

  @FuzzTest(maxDuration = "2m")
  void modelJson(byte[] input) throws IOException {
    Path json = dir.resolve(ModelFiles.CARD);
    Files.write(json, input);
    SavedModel saved;
    try {
      saved = ModelFiles.load(dir);
    } catch (ModelFileException e) {
      assertReported(e, dir.toString());
      return;
    }
    assertEquals(saved.card().spec().stateSize(), saved.model().stateDict().values().stream()
        .mapToLong(t -> t.size()).sum());
  }
}
