package org.deepgrad.data;

import static org.deepgrad.data.IdxFiles.gzip;
import static org.deepgrad.data.IdxFiles.idx;
import static org.deepgrad.data.IdxFiles.ramp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set too large for the heap is refused before it is loaded, with the bytes it needs, the
 * bytes free and the fix. The free heap is faked (the readers take it as a parameter), so the
 * files stay small; the bounds are the readers' documented lower bounds, computed here by hand.
 */
class DataSizeTest {
  @TempDir Path dir;

  /** A fake free heap of {@code bytes} that records what it was asked about. */
  private static LongUnaryOperator free(long bytes, List<Long> asked) {
    return needed -> {
      asked.add(needed);
      return bytes;
    };
  }

  @Test
  void anIdxFileNeedsItsBytesAndAFourByteValueEach() throws IOException {
    // 100 images of 28x28: 78,400 data bytes, and as many floats: 392,000 bytes.
    byte[] raw = idx(ramp(78_400), 100, 28, 28);
    for (Path file : List.of(write("images.idx", raw), write("images.idx.gz", gzip(raw)))) {
      List<Long> asked = new ArrayList<>();
      IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(file, free(391_999, asked)));
      assertEquals(List.of(392_000L), asked);
      assertMessage(e.getMessage(), file, "needs at least 392,000 bytes", "dims [100, 28, 28]: 78400 data bytes",
          "only 391,999 bytes (382 KiB) are free");
      assertEquals(100, IdxReader.read(file, free(392_000, new ArrayList<>())).count(), "just enough");
    }
  }

  @Test
  void anIdxHeaderClaimingMoreThanTheFileIsReportedAsTruncatedNotAsTooLarge() throws IOException {
    byte[] claim = idx(ramp(100), 100, 28, 28); // 100 data bytes where 78,400 are due
    Path raw = write("short.idx", claim);
    IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(raw, free(0, new ArrayList<>())));
    assertTrue(e.getMessage().contains("only 100 data bytes") && !e.getMessage().contains("heap"), e.getMessage());
    // A 2^31-element claim cannot come from a gzip file this small (at most 1032 bytes per byte).
    Path gz = write("short.idx.gz", gzip(idx(ramp(100), 65_536, 32_767)));
    e = assertThrows(IdxFormatException.class, () -> IdxReader.read(gz, free(0, new ArrayList<>())));
    assertTrue(e.getMessage().contains("only 100 data bytes") && !e.getMessage().contains("heap"), e.getMessage());
  }

  @Test
  void aCsvFileNeedsItsFeaturesTwiceItsLineNumbersAndItsTargets() throws IOException {
    // 1,000 rows of 4 features and a label: 1000 · (8·4 + 16 + 40) = 88,000 bytes.
    StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
    for (int i = 0; i < 1000; i++) csv.append(i).append(",1.5,-2,3e4,").append(i % 3).append(i % 100 == 0 ? "\n\n" : "\n");
    byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
    CsvReader.Options label = new CsvReader.Options(List.of("label"), null, true, ',', CsvReader.DEFAULT_MAX_LINE_BYTES);
    for (Path file : List.of(write("t.csv", text), write("t.csv.gz", gzip(text)))) {
      List<Long> asked = new ArrayList<>();
      DataFormatException e = assertThrows(DataFormatException.class, () -> CsvSize.check(file, label, free(87_999, asked)));
      assertEquals(88_000L, asked.get(asked.size() - 1));
      assertMessage(e.getMessage(), file, "needs at least 88,000 bytes (85 KiB: 1000 rows of 4 features and 1 target)",
          "only 87,999 bytes");
      assertEquals(file.toString(), e.file());
      CsvSize.check(file, label, free(88_000, new ArrayList<>()));
    }
  }

  @Test
  void aCsvFileIsNotCountedWhenEvenTheUpperBoundFits() throws IOException {
    Path file = write("t.csv", "a,label\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8));
    CsvReader.Options byIndex = new CsvReader.Options(null, new int[] {1}, true, ',', 8);
    List<Long> asked = new ArrayList<>();
    CsvSize.check(file, byIndex, free(Long.MAX_VALUE, asked));
    assertEquals(List.of(56L * (16 / 2 + 1)), asked, "the upper bound for 16 bytes, and no count");
    // The same file, where the bound does not fit: counted (2 rows · (8 + 16 + 40)) and accepted.
    asked.clear();
    CsvSize.check(file, byIndex, free(200, asked));
    assertEquals(List.of(56L * (16 / 2 + 1), 128L), asked);
  }

  private static void assertMessage(String message, Path file, String... phrases) {
    assertTrue(message.startsWith(file + ": too large for the Java heap"), message);
    for (String p : phrases) assertTrue(message.contains(p), () -> "'" + p + "' missing: " + message);
    for (String fix : List.of("-Xmx", "DEEPGRAD_JAVA_OPTS=\"-Xmx", "./deepgrad")) assertTrue(message.contains(fix), message);
    assertFalse(message.contains("\n"), message);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
