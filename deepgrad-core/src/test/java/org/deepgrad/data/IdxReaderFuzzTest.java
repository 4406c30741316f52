package org.deepgrad.data;

import static org.deepgrad.testing.FuzzContract.assertReported;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes {@link IdxReader} with arbitrary bytes, raw or gzipped: it returns data whose dims account
 * for every byte, or throws an {@link IdxFormatException} naming the source. The seed corpus is
 * {@code IdxReaderFuzzTestInputs/idx}; {@code ./mvnw -P fuzz verify} fuzzes, the default build replays it.
 */
class IdxReaderFuzzTest {
  private static final String NAME = "fuzz-input.idx";

  @FuzzTest(maxDuration = "2m")
  void idx(byte[] input) throws IOException {
    IdxData data;
    try {
      data = IdxReader.read(new ByteArrayInputStream(input), NAME);
    } catch (IdxFormatException e) {
      assertReported(e, NAME);
      return;
    }
    long product = 1;
    for (int d : data.dims()) product *= d;
    assertEquals(product, data.data().length);
    assertEquals(data.count() * (long) data.itemSize(), data.data().length);
  }
}
