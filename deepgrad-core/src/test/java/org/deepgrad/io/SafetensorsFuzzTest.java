package org.deepgrad.io;

import static org.deepgrad.testing.FuzzContract.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@link Safetensors#read} with arbitrary file contents: it returns tensors whose bytes,
 * with the 8-byte length and the header, make up the whole file, or throws a
 * {@link ModelFileException} naming the file. Seed corpus: {@code SafetensorsFuzzTestInputs/read}.
 */
class SafetensorsFuzzTest {
  @TempDir static Path dir;

  @FuzzTest(maxDuration = "2m")
  void read(byte[] input) throws IOException {
    Path file = dir.resolve("fuzz-input.safetensors");
    Files.write(file, input);
    Safetensors.Contents contents;
    try {
      contents = Safetensors.read(file);
    } catch (ModelFileException e) {
      assertReported(e, file.toString());
      return;
    }
    long header = 8 + java.nio.ByteBuffer.wrap(input, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    long data = contents.tensors().values().stream().mapToLong(Tensor::size).sum() * Float.BYTES;
    assertEquals(input.length, header + data, "every byte after the header belongs to exactly one tensor");
  }
}
