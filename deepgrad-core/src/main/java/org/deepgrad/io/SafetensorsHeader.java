package org.deepgrad.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.tensor.Tensor;

/**
 * The JSON header of a safetensors file: one {@link Entry} per tensor, in header order, and the
 * optional {@code "__metadata__"} string map. {@link #encode} writes it as the reference writer does;
 * {@link #decode} reads it as untrusted input and checks every rule of the format.
 */
record SafetensorsHeader(List<Entry> entries, Map<String, String> metadata) {
  static final String METADATA_KEY = "__metadata__";

  /** One tensor: its name, dimensions, and byte range {@code [begin, end)} in the data buffer. */
  record Entry(String name, int[] shape, long begin, long end) {
    int size() {
      return (int) ((end - begin) / Float.BYTES);
    }
  }

  /**
   * The header bytes for {@code tensors} (F32, packed in map order) and {@code metadata} (omitted
   * when empty), padded with spaces so that the data starts at a multiple of 8 bytes.
   */
  static byte[] encode(Map<String, Tensor> tensors, Map<String, String> metadata) {
    StringBuilder sb = new StringBuilder("{");
    if (!metadata.isEmpty()) {
      JsonWriter.writeString(sb, METADATA_KEY);
      sb.append(":{");
      String sep = "";
      for (Map.Entry<String, String> m : metadata.entrySet()) {
        sb.append(sep);
        JsonWriter.writeString(sb, m.getKey());
        sb.append(':');
        JsonWriter.writeString(sb, m.getValue());
        sep = ",";
      }
      sb.append('}');
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> t : tensors.entrySet()) {
      if (sb.length() > 1) sb.append(',');
      JsonWriter.writeString(sb, t.getKey());
      long end = offset + (long) t.getValue().size() * Float.BYTES;
      sb.append(":{\"dtype\":\"F32\",\"shape\":[");
      int[] dims = t.getValue().shape().dims();
      for (int i = 0; i < dims.length; i++) sb.append(i > 0 ? "," : "").append(dims[i]);
      sb.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
      offset = end;
    }
    byte[] json = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    // The 8-byte length prefix is itself aligned, so padding the JSON aligns the data start.
    byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
    Arrays.fill(padded, json.length, padded.length, (byte) ' ');
    return padded;
  }

  /**
   * Parses and validates header bytes read from {@code file}, whose data buffer (everything after
   * the header) is {@code bufferSize} bytes: strict UTF-8 and JSON, a top-level object, F32 tensors
   * whose shapes match their byte ranges, and byte ranges that tile the buffer exactly.
   */
  static SafetensorsHeader decode(Path file, byte[] bytes, long bufferSize) throws ModelFileException {
    Object root;
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      root = JsonReader.parse(text);
    } catch (CharacterCodingException e) {
      throw new ModelFileException(file, "the header is not valid UTF-8; the file is corrupt or not"
          + " a safetensors file", e);
    } catch (JsonReader.SyntaxException e) {
      throw new ModelFileException(file, "the header is not valid JSON (" + e.getMessage() + ");"
          + " the file is corrupt or not a safetensors file", e);
    }
    if (!(root instanceof Map<?, ?> header)) {
      throw new ModelFileException(file, "the header is a JSON " + SafetensorsChecks.kind(root)
          + ", but it must be an object mapping tensor names to entries");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<?, ?> e : header.entrySet()) {
      String name = (String) e.getKey();
      if (name.equals(METADATA_KEY)) {
        metadata.putAll(SafetensorsChecks.metadata(file, e.getValue()));
      } else {
        entries.add(SafetensorsChecks.entry(file, name, e.getValue(), bufferSize));
      }
    }
    SafetensorsChecks.checkTiling(file, entries, bufferSize);
    return new SafetensorsHeader(List.copyOf(entries), Collections.unmodifiableMap(metadata));
  }
}
