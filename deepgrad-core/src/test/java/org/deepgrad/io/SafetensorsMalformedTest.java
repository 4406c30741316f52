package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made broken files: each must fail with a ModelFileException naming the file and the problem. */
class SafetensorsMalformedTest {
  @TempDir Path dir;

  private static final String A = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        bad("shorter than the length prefix", new byte[] {1, 2, 3}, "too short", "8-byte"),
        bad("header length beyond the file", concat(lengthPrefix(1000), json(A), new byte[8]),
            "header length 1000", "runs past the end", "truncated"),
        bad("header length above the bound", concat(lengthPrefix(200_000_000L), json(A)),
            "200000000", "above the limit of 100000000"),
        bad("header length with the top bit set", concat(lengthPrefix(-1L), json(A)),
            "18446744073709551615", "above the limit"),
        bad("truncated header JSON", concat(lengthPrefix(20), json(A)), "not valid JSON"),
        bad("malformed JSON", file("{\"a\":}", 0), "not valid JSON", "unexpected character '}'"),
        bad("trailing text after the JSON", file(A + "xyz", 8), "not valid JSON", "after the JSON value"),
        bad("invalid UTF-8", concat(lengthPrefix(4), new byte[] {'{', (byte) 0xC3, 0x28, '}'}), "not valid UTF-8"),
        bad("non-object header", file("[1,2]", 0), "header is a JSON array", "must be an object"),
        bad("unsupported dtype", file(entry("emb", "BF16", "[2]", 0, 4), 4), "tensor 'emb'", "dtype BF16",
            "F32 only"),
        bad("negative dimension", file(entry("w", "F32", "[-2]", 0, 8), 8), "tensor 'w'", "shape[0] is -2"),
        bad("fractional dimension", file(entry("w", "F32", "[2.0]", 0, 8), 8), "not valid JSON", "fractional"),
        bad("shape and offsets disagree", file(entry("w", "F32", "[3]", 0, 8), 8), "tensor 'w'",
            "shape [3] needs 12 bytes", "span 8 bytes"),
        bad("shape product overflows", file(entry("w", "F32", "[2147483647,2147483647,2147483647]", 0, 4), 4),
            "tensor 'w'", "more than 2^61"),
        bad("offsets outside the buffer", file(entry("w", "F32", "[4]", 0, 16), 8), "tensor 'w'",
            "beyond the data buffer of 8 bytes"),
        bad("begin after end", file(entry("w", "F32", "[0]", 8, 4), 8), "tensor 'w'", "0 <= begin <= end"),
        bad("overlapping offsets", file("{" + body("a", "[4]", 0, 16) + "," + body("b", "[2]", 8, 16)
            + "," + body("c", "[2]", 16, 24) + "}", 24), "tensor 'b'", "overlaps tensor 'a'"),
        bad("hole in the buffer", file("{" + body("a", "[2]", 0, 8) + "," + body("b", "[2]", 12, 20) + "}", 20),
            "hole", "[8, 12)", "tensor 'b'"),
        bad("first tensor not at offset 0", file(entry("a", "F32", "[1]", 4, 8), 8), "hole", "[0, 4)"),
        bad("trailing bytes after the last tensor", file(A, 12), "4 trailing bytes", "trailing garbage"),
        bad("duplicate names", file("{" + body("a", "[1]", 0, 4) + "," + body("a", "[1]", 4, 8) + "}", 8),
            "duplicate key \"a\""),
        bad("unknown field", file("{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4],\"x\":1}}", 4),
            "tensor 'a'", "unknown field 'x'"),
        bad("missing field", file("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4), "tensor 'a'",
            "no 'shape' field"),
        bad("entry is not an object", file("{\"a\":[0,4]}", 4), "tensor 'a' is a JSON array"),
        bad("non-string metadata", file("{\"__metadata__\":{\"epoch\":3}}", 0), "__metadata__ key 'epoch'",
            "must be strings"),
        bad("JSON literals", file("{\"__metadata__\":{\"k\":null}}", 0), "not valid JSON", "unexpected character 'n'"),
        bad("hostile nesting", file("[".repeat(5000), 0), "not valid JSON", "nested deeper than 16"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void rejectsWithAMessageNamingTheFileAndTheProblem(String label, byte[] content, String[] fragments)
      throws IOException {
    Path file = dir.resolve("broken.safetensors");
    Files.write(file, content);
    ModelFileException e = assertThrows(ModelFileException.class, () -> Safetensors.read(file), label);
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertEquals(file, e.file());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "expected \"" + f + "\" in: " + e.getMessage());
    }
  }

  private static Arguments bad(String label, byte[] content, String... fragments) {
    return Arguments.of(label, content, fragments);
  }

  private static String entry(String name, String dtype, String shape, long begin, long end) {
    return "{\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":["
        + begin + "," + end + "]}}";
  }

  private static String body(String name, String shape, long begin, long end) {
    String e = entry(name, "F32", shape, begin, end);
    return e.substring(1, e.length() - 1);
  }

  /** A file with the given header text and {@code dataBytes} zero bytes of data. */
  private static byte[] file(String header, int dataBytes) {
    byte[] h = json(header);
    return concat(lengthPrefix(h.length), h, new byte[dataBytes]);
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] lengthPrefix(long n) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }
}
