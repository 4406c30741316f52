package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
  @TempDir Path dir;

  @Test
  void roundTripsTensorsOfEveryRankAndEmptyOnesInOrder() throws IOException {
    Rng rng = new Rng(7);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("z.scalar", Tensor.scalar(-3.25f));
    tensors.put("a.vector", Tensor.randn(rng, 5));
    tensors.put("empty", Tensor.zeros(0));
    tensors.put("m.weight", Tensor.randn(rng, 3, 4));
    tensors.put("empty.matrix", Tensor.zeros(2, 0));
    tensors.put("t3", Tensor.randn(rng, 2, 3, 2));
    tensors.put("t4", Tensor.randn(rng, 2, 1, 3, 2));
    tensors.put("special", Tensor.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY, -0f, Float.MIN_VALUE}, 4));
    Path file = dir.resolve("model.safetensors");

    Safetensors.write(file, tensors);
    Safetensors.Contents back = Safetensors.read(file);

    assertEquals(new ArrayList<>(tensors.keySet()), new ArrayList<>(back.tensors().keySet()));
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor got = back.tensors().get(e.getKey());
      assertEquals(e.getValue().shape(), got.shape(), e.getKey());
      assertBitsEqual(e.getValue().data(), got.data());
    }
    assertEquals(Map.of(), back.metadata());
  }

  @Test
  void roundTripsMetadataIncludingEscapesAndUnicode() throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "pt");
    metadata.put("note", "quote \" backslash \\ newline \n tab \t bell \u0007 é ✓ 😀");
    metadata.put("", "empty key");
    Map<String, Tensor> tensors = Map.of("naïve \"name\"", Tensor.ones(2));
    Path file = dir.resolve("meta.safetensors");

    Safetensors.write(file, tensors, metadata);
    Safetensors.Contents back = Safetensors.read(file);

    assertEquals(new ArrayList<>(metadata.entrySet()), new ArrayList<>(back.metadata().entrySet()));
    assertArrayEquals(new float[] {1f, 1f}, back.tensors().get("naïve \"name\"").data());
  }

  @Test
  void layoutMatchesTheSpecByteForByte() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("w", Tensor.of(new float[] {1f, -2f}, 2, 1));
    tensors.put("b", Tensor.scalar(0.5f));
    Path file = dir.resolve("layout.safetensors");
    Safetensors.write(file, tensors, Map.of("format", "pt"));
    byte[] bytes = Files.readAllBytes(file);

    String json = "{\"__metadata__\":{\"format\":\"pt\"},"
        + "\"w\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[8,12]}}";
    assertEquals(140, json.length());
    // N = 144: the JSON padded with 4 spaces so the data starts at 8 + 144 = 152, a multiple of 8.
    assertArrayEquals(new byte[] {(byte) 144, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(bytes, 0, 8));
    assertEquals(json + "    ", new String(bytes, 8, 144, StandardCharsets.UTF_8));
    byte[] data = Arrays.copyOfRange(bytes, 152, bytes.length);
    // 1.0f = 0x3F800000, -2.0f = 0xC0000000, 0.5f = 0x3F000000, least significant byte first.
    assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0x3F}, data);
  }

  @Test
  void writingIsDeterministic() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("b", Tensor.randn(new Rng(1), 3, 3));
    tensors.put("a", Tensor.randn(new Rng(2), 4));
    Safetensors.write(dir.resolve("1"), tensors, Map.of("k", "v"));
    Safetensors.write(dir.resolve("2"), tensors, Map.of("k", "v"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("1")), Files.readAllBytes(dir.resolve("2")));
  }

  @Test
  void readsALargeTensorAcrossReadChunks() throws IOException {
    Tensor big = Tensor.randn(new Rng(3), 300, 301); // more than one 64 KiB chunk, not a multiple
    Path file = dir.resolve("big.safetensors");
    Safetensors.write(file, Map.of("big", big));
    assertBitsEqual(big.data(), Safetensors.read(file).tensors().get("big").data());
  }

  @Test
  void rejectsNamesTheFormatReservesOrCannotStore() {
    Path file = dir.resolve("bad.safetensors");
    assertThrows(IllegalArgumentException.class,
        () -> Safetensors.write(file, Map.of("__metadata__", Tensor.ones(1))));
    assertThrows(IllegalArgumentException.class,
        () -> Safetensors.write(file, Map.of("half \uD800 surrogate", Tensor.ones(1))));
    assertEquals(List.of(), List.of(dir.toFile().list()), "nothing is written for rejected input");
  }

  private static void assertBitsEqual(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]), "index " + i);
    }
  }
}
