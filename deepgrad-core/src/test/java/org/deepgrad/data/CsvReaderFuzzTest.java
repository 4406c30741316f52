package org.deepgrad.data;

import static org.deepgrad.testing.FuzzContract.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@link CsvReader} with arbitrary file contents, each read five ways (classification by
 * header name, mapped labels, regression without a header, ';' as delimiter, a 64-byte line bound):
 * each read returns finite features and valid targets, or throws a {@link DataFormatException}
 * naming the file. Seed corpus: {@code CsvReaderFuzzTestInputs/csv}.
 */
class CsvReaderFuzzTest {
  @TempDir static Path dir;

  @FuzzTest(maxDuration = "2m")
  void csv(byte[] input) throws IOException {
    Path file = dir.resolve("fuzz-input.csv");
    Files.write(file, input);
    read(file, () -> check(CsvReader.target("label").classification(file, 10)));
    read(file, () -> check(CsvReader.target("label").classificationMapped(file).data()));
    read(file, () -> check(CsvReader.targetIndex(0).withoutHeader().regression(file)));
    read(file, () -> check(CsvReader.targetIndex(1).delimiter(';').regression(file)));
    read(file, () -> check(CsvReader.target("label").maxLineBytes(64).classificationMapped(file).data()));
  }

  private interface Read {
    void run() throws IOException;
  }

  private static void read(Path file, Read read) throws IOException {
    try {
      read.run();
    } catch (DataFormatException e) {
      assertReported(e, file.toString());
    }
  }

  private static void check(Dataset d) {
    finite(d.features());
    assertEquals(d.size(), d.features().dim(0));
  }

  private static void check(Regression r) {
    finite(r.features());
    finite(r.targets());
  }

  private static void finite(Tensor t) {
    for (float v : t.data()) assertTrue(Float.isFinite(v), "a non-finite value " + v + " was read");
  }
}
