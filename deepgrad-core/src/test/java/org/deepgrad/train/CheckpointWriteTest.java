package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deepgrad.nn.Sequential;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint that cannot be written stops {@link Trainer#fit} with a {@link CheckpointWriteException}
 * naming the file, and leaves the earlier checkpoints intact: once the cause is gone, the run resumes
 * from them to the weights of a run never interrupted. (A full disk and a read-only directory, which
 * need a mount, are tested through the command line in deepgrad-cli's FullDiskTest.)
 */
class CheckpointWriteTest {
  @TempDir Path dir;

  @Test
  void aFailedCheckpointKeepsTheEarlierOnesAndTheRunResumesFromThem() throws Exception {
    Sequential straight = Fixtures.net(1);
    Fixtures.classifier(straight, Fixtures.adam(straight), 1, TrainerSettings.defaults().withEpochs(2)).fit();

    // After step 2's checkpoint, a non-empty directory where step 3's file goes: the new file is
    // written in full, then its rename over the target fails (and the temporary file is deleted).
    Path blocked = dir.resolve(CheckpointStore.fileName(3)).resolve("in-the-way");
    TrainerSettings every = TrainerSettings.defaults().withEpochs(2).withCheckpoints(dir, 1, 0, 5);
    Sequential first = Fixtures.net(1);
    Trainer<?> t = Fixtures.classifier(first, Fixtures.adam(first), 1, every).addListener(new TrainListener() {
      @Override
      public void onCheckpoint(Path file) {
        if (!file.getFileName().toString().equals(CheckpointStore.fileName(2))) return;
        try {
          Files.createDirectories(blocked);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
    CheckpointWriteException e = assertThrows(CheckpointWriteException.class, t::fit);
    assertEquals(dir.resolve(CheckpointStore.fileName(3)), e.file());
    assertTrue(e.getMessage().startsWith("cannot write the checkpoint " + e.file() + " (")
        && e.getMessage().endsWith("); the checkpoints written before it are intact"), e.getMessage());
    assertEquals(List.of(CheckpointStore.fileName(1), CheckpointStore.fileName(2), CheckpointStore.fileName(3)), names(),
        "no temporary file left");
    assertEquals(2, CheckpointStore.read(dir.resolve(CheckpointStore.fileName(2)), Checkpoint.fingerprint(first)).step());

    Files.delete(blocked);
    Files.delete(blocked.getParent());
    Sequential resumed = Fixtures.net(9);
    Trainer<?> again = Fixtures.classifier(resumed, Fixtures.adam(resumed), 9, every);
    assertEquals(2, again.resume(dir).checkpoint().step());
    again.fit();
    Map<String, Tensor> want = straight.stateDict();
    resumed.stateDict().forEach((name, got) -> assertArrayEquals(want.get(name).data(), got.data(), name));
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
