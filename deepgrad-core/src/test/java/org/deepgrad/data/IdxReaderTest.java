package org.deepgrad.data;

import static org.deepgrad.data.IdxFiles.concat;
import static org.deepgrad.data.IdxFiles.gzip;
import static org.deepgrad.data.IdxFiles.header;
import static org.deepgrad.data.IdxFiles.idx;
import static org.deepgrad.data.IdxFiles.ramp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdxReaderTest {
  @TempDir Path dir;

  @Test
  void rawAndGzipRoundTripEveryRank() throws IOException {
    int[][] shapes = {{300}, {3, 100}, {2, 3, 50}, {2, 3, 5, 10}};
    for (int[] dims : shapes) {
      byte[] data = ramp(300);
      for (boolean gz : new boolean[] {false, true}) {
        Path file = write("r" + dims.length + (gz ? ".idx.gz" : ".idx"), gz ? gzip(idx(data, dims)) : idx(data, dims));
        IdxData d = IdxReader.read(file);
        assertArrayEquals(dims, d.dims(), file.toString());
        assertArrayEquals(data, d.data(), file.toString());
        assertEquals(dims[0], d.count());
        assertEquals(300 / dims[0], d.itemSize());
        assertEquals(file.toString(), d.name());
      }
    }
  }

  @Test
  void unsignedValuesAbove127() throws IOException {
    IdxData d = IdxReader.read(write("u.idx", idx(new byte[] {0, 127, (byte) 128, (byte) 255}, 4)));
    assertArrayEquals(new int[] {0, 127, 128, 255}, new int[] {d.unsigned(0), d.unsigned(1), d.unsigned(2), d.unsigned(3)});
  }

  @Test
  void gzipIsDetectedByContentNotName() throws IOException {
    byte[] raw = idx(ramp(6), 2, 3);
    assertArrayEquals(raw, concat(header(8, 2, 3), IdxReader.read(write("raw-named.gz", raw)).data()));
    assertArrayEquals(ramp(6), IdxReader.read(write("gzip-named.idx", gzip(raw))).data());
  }

  @Test
  void streamSourceNameAppearsInErrors() throws IOException {
    IdxData ok = IdxReader.read(new ByteArrayInputStream(gzip(idx(ramp(4), 4))), "stream-a");
    assertEquals("stream-a", ok.name());
    IdxFormatException e = assertThrows(IdxFormatException.class,
        () -> IdxReader.read(new ByteArrayInputStream(idx(ramp(3), 4)), "stream-b"));
    assertTrue(e.getMessage().startsWith("stream-b"), e.getMessage());
  }

  @Test
  void hugeClaimInASmallFileFailsFastWithoutAllocating() throws IOException {
    // 65536 * 32767 = 2,147,418,112 elements: under the array limit, so only the data check stops it.
    // Allocating that up front would exceed the test JVM's 2 GB heap (OutOfMemoryError, not this).
    Path file = write("huge.idx", concat(header(8, 65536, 32767), new byte[88]));
    long start = System.nanoTime();
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "took too long");
    assertTrue(e.getMessage().contains("only 88 data bytes"), e.getMessage());
  }

  static Stream<Arguments> malformed() {
    byte[] good = idx(ramp(12), 3, 4);
    byte[] gz = gzip(good);
    byte[] badCrc = gz.clone();
    badCrc[badCrc.length - 8] ^= 0x55; // the CRC-32 of the gzip trailer
    byte[] badDeflate = gz.clone();
    Arrays.fill(badDeflate, 10, 16, (byte) 0xff); // inside the deflate blocks, after the 10-byte header
    return Stream.of(
        Arguments.of("wrong-magic.idx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 1, 0}, "magic number", "0x504b0304"),
        Arguments.of("wrong-type.idx", concat(header(0x0D, 3), new byte[12]), "type byte", "0x0d (32-bit float)"),
        Arguments.of("rank-zero.idx", header(8), "number of dimensions", "found 0"),
        Arguments.of("rank-five.idx", concat(header(8, 1, 1, 1, 1, 1), new byte[1]), "number of dimensions", "found 5"),
        Arguments.of("zero-dim.idx", header(8, 3, 0), "dimension 1 of 2", "found 0"),
        Arguments.of("negative-dim.idx", header(8, 0xfffffff0), "dimension 0 of 1", "-16 (0xfffffff0)"),
        Arguments.of("overflow.idx", header(8, 65536, 65536), "dimension 1 of 2", "more than 2147483639 elements"),
        Arguments.of("count-too-large.idx", idx(ramp(20), 10, 4), "only 20 data bytes", "40 data bytes"),
        Arguments.of("empty.idx", new byte[0], "byte offset 0", "an empty file"),
        Arguments.of("short-magic.idx", new byte[] {0, 0}, "magic number", "the end of the file"),
        Arguments.of("short-header.idx", Arrays.copyOf(header(8, 2, 3, 4), 10), "dimension 1 of 3", "header of 16 bytes"),
        Arguments.of("truncated.idx", Arrays.copyOf(good, good.length - 1), "only 11 data bytes", "truncated"),
        Arguments.of("truncated-inside.idx.gz", gzip(Arrays.copyOf(good, good.length - 5)), "decompressed", "only 7 data bytes"),
        Arguments.of("trailing.idx", concat(good, new byte[3]), "byte offset 24", "3 extra bytes"),
        Arguments.of("text.gz", "hello, world\n".getBytes(), "neither gzip", "magic number"),
        Arguments.of("bad-crc.gz", badCrc, "gzip stream is corrupt", "Download the file again"),
        Arguments.of("bad-deflate.gz", badDeflate, "gzip stream is corrupt", "Download the file again"),
        Arguments.of("cut-short.gz", Arrays.copyOf(gz, gz.length / 2), "gzip stream is corrupt or truncated", "again"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedFileIsRejectedWithAMessageNamingFileAndProblem(String name, byte[] bytes, String problem, String detail)
      throws IOException {
    Path file = write(name, bytes);
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
    String m = e.getMessage();
    assertTrue(m.startsWith(file.toString()), m);
    assertTrue(m.contains(problem), m);
    assertTrue(m.contains(detail), m);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
