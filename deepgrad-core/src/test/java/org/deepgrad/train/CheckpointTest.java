package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Synthetic;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.tensor.Rng;
import org.deepgrad.train.CheckpointException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint files: keep-last-K, integrity checks, and how resume treats damaged or foreign files. */
class CheckpointTest {
  @TempDir Path dir;

  /** Trains 4 steps with a checkpoint after each, keeping 3; returns the events. */
  private Fixtures.Recorder trainFourSteps() throws Exception {
    Sequential model = Fixtures.net(1);
    Fixtures.Recorder events = new Fixtures.Recorder();
    Fixtures.classifier(model, Fixtures.adam(model), 1, TrainerSettings.defaults().withMaxSteps(4)
        .withCheckpoints(dir, 1, 0, 3)).addListener(events).fit();
    return events;
  }

  private List<Path> files() throws Exception {
    return new CheckpointStore(dir, 3).list();
  }

  private static Trainer<?> fresh() {
    Sequential model = Fixtures.net(7);
    return Fixtures.classifier(model, Fixtures.adam(model), 7, TrainerSettings.defaults());
  }

  @Test
  void keepsTheLastKAndDeletesOlderOnesAfterTheNewOneIsWritten() throws Exception {
    Fixtures.Recorder events = trainFourSteps();
    assertEquals(4, events.checkpoints.size());
    assertEquals(List.of(dir.resolve("ckpt-000000000002.safetensors"), dir.resolve("ckpt-000000000003.safetensors"),
        dir.resolve("ckpt-000000000004.safetensors")), files());
    try (var leftovers = Files.list(dir)) {
      assertEquals(3, leftovers.count(), "no temporary files are left behind");
    }
  }

  @Test
  void everySingleByteFlipIsDetected() throws Exception {
    // A small model keeps the file (and the loop) short; it still has every kind of entry.
    Sequential model = Sequential.builder(2, new Rng(1)).dense(2).dropout(0.5f).dense(1).build();
    Regression data = Synthetic.linear(8, new float[] {1, 2}, 0, 0, 1);
    Optimizer adam = Optimizers.adam(model.namedParameters(), Adam.defaults());
    new Trainer<>(model, Objective.regression(), adam, DataLoader.miniBatch(data, 4, 1), null,
        TrainerSettings.defaults().withMaxSteps(1).withCheckpoints(dir, 0, 0, 1)).fit();
    Path file = files().get(0);
    String fingerprint = Checkpoint.fingerprint(model);
    byte[] good = Files.readAllBytes(file);
    CheckpointStore.read(file, fingerprint);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      for (int i = 0; i < good.length; i++) {
        ch.write(ByteBuffer.wrap(new byte[] {(byte) ~good[i]}), i); // flip all 8 bits in place, undone below
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointStore.read(file, fingerprint),
            "flipped byte " + i + " of " + good.length);
        assertTrue(e.kind() == Kind.UNREADABLE || e.kind() == Kind.CHECKSUM, e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        ch.write(ByteBuffer.wrap(new byte[] {good[i]}), i);
      }
    }
    CheckpointStore.read(file, fingerprint);
  }

  @Test
  void aFlippedDataByteIsAChecksumErrorAndResumeFallsBackToThePreviousFile() throws Exception {
    trainFourSteps();
    Path newest = files().get(2);
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length - 5] ^= 0x01;
    Files.write(newest, bytes);
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> CheckpointStore.read(newest, Checkpoint.fingerprint(Fixtures.net(1))));
    assertEquals(Kind.CHECKSUM, e.kind());
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());

    Fixtures.Recorder events = new Fixtures.Recorder();
    Trainer<?> t = fresh().addListener(events);
    CheckpointStore.Loaded loaded = t.resume(dir);
    assertEquals(files().get(1), loaded.file());
    assertEquals(3, loaded.checkpoint().step());
    assertEquals(1, events.warnings.size());
    assertTrue(events.warnings.get(0).contains(newest.getFileName().toString()), events.warnings.get(0));
  }

  @Test
  void truncatedFilesAreUnreadable() throws Exception {
    trainFourSteps();
    Path file = files().get(2);
    byte[] good = Files.readAllBytes(file);
    for (int length : new int[] {0, 5, 8, 100, good.length / 2, good.length - 1}) {
      Files.write(file, Arrays.copyOf(good, length));
      CheckpointException e = assertThrows(CheckpointException.class,
          () -> CheckpointStore.read(file, Checkpoint.fingerprint(Fixtures.net(1))), "length " + length);
      assertEquals(Kind.UNREADABLE, e.kind(), e.getMessage());
    }
  }

  @Test
  void aCheckpointOfAnotherModelIsRefusedNamingFileAndEntries() throws Exception {
    trainFourSteps();
    Sequential wider = Sequential.builder(6, new Rng(1)).dense(20).dense(3).build();
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> CheckpointStore.read(files().get(2), Checkpoint.fingerprint(wider)));
    assertEquals(Kind.INCOMPATIBLE, e.kind());
    assertTrue(e.getMessage().startsWith(files().get(2).toString()), e.getMessage());
    assertTrue(e.getMessage().contains("0.weight is [16, 6] there, [20, 6] here"), e.getMessage());

    Trainer<?> other = Fixtures.classifier(wider, Fixtures.adam(wider), 1, TrainerSettings.defaults());
    assertEquals(Kind.INCOMPATIBLE, assertThrows(CheckpointException.class, () -> other.resume(dir)).kind(),
        "an intact file of another model is an error, not a reason to try older files");
  }

  @Test
  void resumeWithoutUsableCheckpointsSaysSo() throws Exception {
    assertEquals(Kind.NONE_FOUND, assertThrows(CheckpointException.class, () -> fresh().resume(dir)).kind());
    trainFourSteps();
    for (Path f : files()) Files.write(f, new byte[] {1, 2, 3});
    CheckpointException e = assertThrows(CheckpointException.class, () -> fresh().resume(dir));
    assertEquals(Kind.NONE_FOUND, e.kind());
    assertTrue(e.getMessage().contains("none of the 3 checkpoints"), e.getMessage());
  }

  @Test
  void aRunThatWritesAnEarlierStepDiscardsTheLaterOnes() throws Exception {
    trainFourSteps();
    Sequential model = Fixtures.net(1);
    Fixtures.classifier(model, Fixtures.adam(model), 1, TrainerSettings.defaults().withMaxSteps(1)
        .withCheckpoints(dir, 1, 0, 3)).fit();
    assertEquals(List.of(dir.resolve("ckpt-000000000001.safetensors")), files());
  }
}
