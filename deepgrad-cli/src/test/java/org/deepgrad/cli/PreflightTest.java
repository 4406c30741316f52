package org.deepgrad.cli;

import static org.deepgrad.cli.Folders.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.run.Batching;
import org.deepgrad.run.HeapCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks a run makes before it allocates anything ({@link Preflight}), each made by
 * {@code --dry-run} too, and leaving no output folder: batches of one sample under batch norm
 * ({@link Batching}), a model or batch too large for one tensor, a run too large for the heap
 * ({@link HeapCheck}).
 */
class PreflightTest {
  @TempDir Path dir;

  /** A CSV of {@code rows} rows of two features and a 0/1 label. */
  private Path csv(int rows) throws IOException {
    StringBuilder b = new StringBuilder("a,b,label\n");
    for (int i = 0; i < rows; i++) b.append(i % 7 * 0.1).append(',').append(i % 5 * 0.2).append(',').append(i % 2).append('\n');
    return Files.writeString(dir.resolve(rows + ".csv"), b);
  }

  @Test
  void aLastBatchOfOneSampleIsDroppedUnderBatchNorm() throws IOException {
    // 200 rows: 160 train (80%), in batches of 53: 53, 53, 53 and 1.
    Path out = dir.resolve("drop");
    Cli.Run run = Cli.run("train", "--dataset", "csv:" + csv(200), "--hidden", "8", "--batch-norm", "--batch-size", "53",
        "--epochs", "2", "--no-progress", "--no-diagnose", "--out", out.toString());
    assertEquals(Failures.OK, run.code(), run::toString);
    assertTrue(run.out().contains("note: the training split's 160 samples in batches of 53 leave a last batch of 1, "
        + "which batch norm cannot train on: each epoch drops it (as PyTorch's drop_last), so an epoch has 3 batches"),
        run::toString);
    assertTrue(run.out().contains("COMPLETED after 2 epochs (6 steps)"), run::toString);
    Cli.Run dry = Cli.run("train", "--dataset", "csv:" + csv(200), "--hidden", "8", "--batch-norm", "--batch-size", "53",
        "--dry-run");
    assertEquals(Failures.OK, dry.code(), dry::toString);
    assertTrue(dry.err().contains("note: the training split's 160 samples"), dry::toString);
    // Without batch norm the batch of one is kept, as PyTorch keeps it.
    Cli.Run plain = Cli.run("train", "--dataset", "csv:" + csv(200), "--hidden", "8", "--batch-size", "53", "--epochs",
        "2", "--no-batch-norm", "--no-progress", "--no-diagnose", "--out", dir.resolve("plain").toString());
    assertEquals(Failures.OK, plain.code(), plain::toString);
    assertFalse(plain.out().contains("note:"), plain::toString);
    assertTrue(plain.out().contains("COMPLETED after 2 epochs (8 steps)"), plain::toString);
  }

  @Test
  void aValidationSplitThatLeavesOneSampleOverIsHandledTheSameWay() throws IOException {
    // 200 rows: 160 train, half of them held out for validation, 80 left in batches of 79.
    Cli.Run run = Cli.run("train", "--dataset", "csv:" + csv(200), "--validation", "0.5", "--batch-size", "79", "--hidden",
        "8", "--batch-norm", "--epochs", "2", "--no-progress", "--no-diagnose", "--out", dir.resolve("val").toString());
    assertEquals(Failures.OK, run.code(), run::toString);
    assertTrue(run.out().contains("80 samples in batches of 79 leave a last batch of 1"), run::toString);
  }

  @Test
  void batchesOfOneSampleUnderBatchNormAreRefusedBeforeAnythingIsWritten() throws IOException {
    Path out = dir.resolve("none");
    Path two = csv(2); // 1 train, 1 test
    for (String dry : List.of("--dry-run", "--no-dry-run")) {
      List<String> args = List.of("train", "--dataset", "csv:" + two, "--hidden", "8", "--batch-norm", "--out",
          out.toString());
      Cli.Run run = Cli.run(dry.equals("--dry-run") ? List.of(args, List.of(dry)).stream().flatMap(List::stream)
          .toArray(String[]::new) : args.toArray(String[]::new));
      assertRefused(run, "the training split holds 1 sample (csv:" + two + ": 1 train, 1 test", "batch norm",
          "--no-batch-norm");
      assertFalse(Files.exists(out), "no folder is left to block a rerun");
    }
    assertRefused(Cli.run("train", "--dataset", "csv:" + csv(200), "--hidden", "8", "--batch-norm", "--batch-size", "1",
        "--dry-run"),
        "--batch-size 1 (training.batch_size)", "at least 2", "--no-batch-norm");
    Cli.Run plain = Cli.run("train", "--dataset", "csv:" + two, "--hidden", "8", "--no-batch-norm", "--dry-run");
    assertEquals(Failures.OK, plain.code(), plain::toString);
  }

  @Test
  void theMainJobKeepsItsBatches() {
    ModelSpec spec = ModelSpec.mlp(784, new int[] {128, 64, 32}, 10, "relu", null, true, 0.2, false);
    Batching b = Batching.of(Cli.config(null).training(), 8000, "mnist-10k", spec);
    assertFalse(b.dropLast());
    assertNull(b.note());
    assertEquals(125, b.loader(new org.deepgrad.data.Dataset(org.deepgrad.tensor.Tensor.zeros(8000, 1), new int[8000], 10),
        43).batchesPerEpoch());
  }

  @Test
  void aModelTooLargeForOneTensorFailsInTheDryRunAsInTheRun() {
    for (String dry : List.of("--dry-run", "--max-steps=1")) {
      assertRefused(Cli.run("train", "--hidden", "100000x50", dry, "--out", dir.resolve("big").toString()),
          "the model (the `model` section, --hidden, --init): a dense layer of 100000 units after a width of 100000 needs "
              + "10000000000 weights, more than one tensor holds");
    }
    assertFalse(Files.exists(dir.resolve("big")));
  }

  @Test
  void aRunTooLargeForTheHeapIsRefusedWithTheEstimateAndTheFlag() {
    // --hidden 40000x5 with batch norm, dropout and Adam: about 144 GiB. The tests' JVM has far less (-Xmx2g).
    assumeTrue(Runtime.getRuntime().maxMemory() < 100L << 30, "a heap of 100 GiB or more could hold it");
    for (String dry : List.of("--dry-run", "--max-steps=1")) {
      assertRefused(Cli.run("train", "--hidden", "40000x5", "--batch-norm", "--dropout", "0.2", "--optimizer", "adam",
          "--batch-size", "64", dry, "--out", dir.resolve("huge").toString()),
          "the run needs at least 144.3 GiB of Java heap (weights 24.0 GiB, gradients 24.0 GiB, adam optimizer state",
          "training pass at batch size 64", "DEEPGRAD_JAVA_OPTS=\"-Xmx181g\" ./deepgrad", "--hidden", "--batch-size");
    }
    assertFalse(Files.exists(dir.resolve("huge")));
  }

  @Test
  void benchRefusesBatchesBeyondOneArrayOrTheHeap() {
    assertRefused(Cli.run("bench", "--batch-size", "3000000"), "--batch-size 3000000: a batch of 3000000 samples of 784 "
        + "inputs is 2352000000 values, more than one array holds (2147483639); use at most 2739137.");
    assumeTrue(Runtime.getRuntime().maxMemory() < 100L << 30, "a heap of 100 GiB or more could hold it");
    assertRefused(Cli.run("bench", "--batch-size", "2000000"), "the run needs at least 122.5 GiB of Java heap",
        "data 93.6 GiB", "-Xmx154g", "--batch-size");
  }

  @Test
  void theOptimizersBuffersAreCountedByAStep() {
    assertEquals(2, HeapCheck.optimizerBuffers("adam", Map.of()));
    assertEquals(3, HeapCheck.optimizerBuffers("adam", Map.of("amsgrad", true)));
    assertEquals(0, HeapCheck.optimizerBuffers("sgd", Map.of("lr", 0.1)));
    assertEquals(1, HeapCheck.optimizerBuffers("sgd", Map.of("lr", 0.1, "momentum", 0.9)));
  }
}
