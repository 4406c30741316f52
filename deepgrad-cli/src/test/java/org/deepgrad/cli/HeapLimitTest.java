package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deepgrad.data.DataSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deepgrad train} in a JVM with a 32 MiB heap on files that are valid but need more than that
 * to load: it exits with code 2 before loading, naming the file, the bytes needed and the fix,
 * instead of an OutOfMemoryError. The bytes needed are the readers' lower bounds (core's DataSizeTest).
 */
class HeapLimitTest {
  @TempDir Path dir;

  @Test
  void aCsvFileTooLargeForTheHeapIsRefusedBeforeLoading() throws Exception {
    Path csv = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("a,b,c,d,label\n");
      for (int i = 0; i < 1_000_000; i++) w.write(i % 10 + ",1,2,3," + i % 2 + "\n"); // 10 MB
    }
    // 1,000,000 · (8·4 + 16 + 40) bytes
    assertRefused(train("--dataset", "csv:" + csv), csv + ": too large for the Java heap",
        "needs at least 88,000,000 bytes", "1000000 rows of 4 features and 1 target");
  }

  @Test
  void anIdxDataSetTooLargeForTheHeapIsRefusedBeforeLoading() throws Exception {
    Path idx = Files.createDirectory(dir.resolve("idx"));
    int[] counts = {10_000, 10_000, 100, 100};
    for (int f = 0; f < 4; f++) {
      boolean images = f % 2 == 0;
      ByteBuffer b = ByteBuffer.allocate((images ? 16 + counts[f] * 784 : 8 + counts[f]));
      b.putInt(images ? 0x803 : 0x801).putInt(counts[f]);
      if (images) b.putInt(28).putInt(28);
      Files.write(idx.resolve(DataSources.FILES.get(f).replace(".gz", "")), b.array()); // zeros: valid pixels, label 0
    }
    Path images = idx.resolve("train-images-idx3-ubyte");
    assertRefused(train("--dataset", "idx:" + idx), images + ": too large for the Java heap",
        "needs at least 39,200,000 bytes", "dims [10000, 28, 28]");
  }

  private Child train(String... args) throws Exception {
    List<String> command = ChildJvm.deepgrad("32m", "train", "--no-progress", "--max-steps", "1", "--out",
        dir.resolve("out").toString());
    command.addAll(List.of(args));
    Path log = dir.resolve("child.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("train did not end within 120 s:\n" + Files.readString(log));
    }
    return new Child(p.exitValue(), Files.readString(log));
  }

  private record Child(int code, String log) {}

  private static void assertRefused(Child run, String... phrases) throws IOException {
    String log = run.log();
    assertEquals(Failures.BAD_INPUT, run.code(), log);
    for (String p : phrases) assertTrue(log.contains(p), () -> "'" + p + "' missing:\n" + log);
    assertTrue(log.contains("DEEPGRAD_JAVA_OPTS=\"-Xmx") && log.contains("are free"), log);
    assertFalse(log.contains("OutOfMemoryError") || log.contains("\tat "), log);
  }
}
