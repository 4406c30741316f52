package org.deepgrad.train;

import static org.deepgrad.testing.FuzzContract.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Synthetic;
import org.deepgrad.io.Safetensors;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@link CheckpointStore#read}: it returns a checkpoint or throws a {@link CheckpointException}
 * naming the file. {@link #file} feeds whole files (seed corpus: real checkpoints of {@link #model},
 * intact and damaged), which the checksum rejects almost always; so {@link #contents} edits the
 * entries of a real checkpoint as the fuzzer directs and then writes a correct checksum, as anyone
 * can, to reach the parsing behind it.
 */
class CheckpointFuzzTest {
  @TempDir static Path dir;
  private static String fingerprint;
  private static Safetensors.Contents intact;

  /** The model of the seed checkpoints: every kind of entry (weights, Adam buffers, a dropout generator). */
  static Sequential model() {
    return Sequential.builder(2, new Rng(1)).dense(2).dropout(0.5f).dense(1).build();
  }

  /** Trains {@code model} one step with a checkpoint into {@code out}; returns the file. */
  static Path checkpoint(Sequential model, Path out) throws IOException {
    Regression data = Synthetic.linear(8, new float[] {1, 2}, 0, 0, 1);
    new Trainer<>(model, Objective.regression(), Optimizers.adam(model.namedParameters(), Adam.defaults()),
        DataLoader.miniBatch(data, 4, 1), null, TrainerSettings.defaults().withMaxSteps(1)
        .withCheckpoints(out, 0, 0, 1)).fit();
    return new CheckpointStore(out, 1).list().get(0);
  }

  @BeforeAll
  static void writeOne() throws IOException {
    Sequential model = model();
    fingerprint = Checkpoint.fingerprint(model);
    intact = Safetensors.read(checkpoint(model, dir.resolve("seed")));
  }

  @FuzzTest(maxDuration = "2m")
  void file(byte[] input) throws IOException {
    Path file = dir.resolve("fuzz-input.safetensors");
    Files.write(file, input);
    read(file);
  }

  @FuzzTest(maxDuration = "2m")
  void contents(FuzzedDataProvider in) throws IOException {
    Map<String, String> meta = new LinkedHashMap<>(intact.metadata());
    Map<String, Tensor> tensors = new LinkedHashMap<>(intact.tensors());
    for (int edits = in.consumeInt(0, 8); edits > 0; edits--) {
      List<String> keys = new ArrayList<>(meta.keySet());
      List<String> names = new ArrayList<>(tensors.keySet());
      switch (in.consumeInt(0, 4)) {
        case 0 -> meta.put(in.pickValue(keys), in.consumeString(40));
        case 1 -> meta.remove(in.pickValue(keys));
        case 2 -> meta.put(in.consumeString(40), in.consumeString(40));
        case 3 -> tensors.put(in.consumeString(40), tensors.remove(in.pickValue(names)));
        default -> tensors.remove(in.pickValue(names));
      }
    }
    meta.put(CheckpointDigest.KEY, CheckpointDigest.of(tensors, meta));
    Path file = dir.resolve("fuzz-edited.safetensors");
    try {
      Safetensors.write(file, tensors, meta);
    } catch (IllegalArgumentException e) {
      return; // the writer refuses the edit (a tensor named __metadata__, a lone surrogate): nothing to read
    }
    read(file);
  }

  private static void read(Path file) throws IOException {
    Checkpoint c;
    try {
      c = CheckpointStore.read(file, fingerprint);
    } catch (CheckpointException e) {
      assertReported(e, file.toString());
      return;
    }
    long weights = Safetensors.read(file).tensors().keySet().stream().filter(n -> n.startsWith("model.")).count();
    assertEquals(weights, c.model().size(), "every model.* tensor is in the checkpoint's model");
  }
}
