package org.deepgrad.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;

/**
 * Reads and writes the safetensors format (https://github.com/huggingface/safetensors), the
 * Hugging Face format PyTorch, JAX and others load without executing code:
 *
 * <pre>
 * [8 bytes: N, unsigned little-endian] [N bytes: UTF-8 JSON header] [data buffer]
 * header = {"__metadata__": {"k": "v", ...},            (optional, string values only)
 *           "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ...}
 * </pre>
 *
 * Offsets are relative to the data buffer; tensors are row-major, little-endian and packed without
 * gaps. Only F32 is supported. Writing is deterministic (tensors and metadata in map order) and
 * crash-safe ({@link AtomicFiles}); reading treats the file as untrusted (see {@link #read}).
 */
public final class Safetensors {
  /** The largest header accepted, as in the reference reader (100 MB). */
  public static final long MAX_HEADER_BYTES = 100_000_000L;
  private static final int CHUNK_FLOATS = 1 << 14;

  private Safetensors() {}

  /** What a file holds: tensors in header order, and the metadata (empty when absent). */
  public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    /** Copies both maps into unmodifiable ones that keep their order. */
    public Contents {
      tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
      metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
  }

  /** Writes {@code tensors} with no metadata; see {@link #write(Path, Map, Map)}. */
  public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
    write(file, tensors, Map.of());
  }

  /**
   * Writes {@code tensors} (as F32, in map order) and {@code metadata} (as {@code "__metadata__"},
   * omitted when empty) to {@code file}, replacing it atomically. The header is compact JSON padded
   * with spaces to align the data on 8 bytes, as the reference writer does.
   *
   * @throws IllegalArgumentException for a null name or value, a tensor named
   *     {@code "__metadata__"}, or a string that is not valid Unicode
   */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    tensors.forEach((name, t) -> {
      if (name == null || t == null || name.equals(SafetensorsHeader.METADATA_KEY)) {
        throw new IllegalArgumentException("cannot save tensor '" + name + "' = " + t
            + ": names must be non-null and not \"__metadata__\", and tensors non-null");
      }
    });
    metadata.forEach((k, v) -> {
      if (k == null || v == null) {
        throw new IllegalArgumentException("metadata " + k + " = " + v + ": keys and values must be non-null");
      }
    });
    byte[] header = SafetensorsHeader.encode(tensors, metadata);
    AtomicFiles.write(file, out -> {
      out.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
      out.write(header);
      ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (Tensor t : tensors.values()) writeFloats(out, t.data(), chunk);
    });
  }

  private static void writeFloats(OutputStream out, float[] data, ByteBuffer chunk) throws IOException {
    for (int off = 0; off < data.length; off += CHUNK_FLOATS) {
      int n = Math.min(CHUNK_FLOATS, data.length - off);
      chunk.clear();
      chunk.asFloatBuffer().put(data, off, n);
      out.write(chunk.array(), 0, n * Float.BYTES);
    }
  }

  /**
   * Reads a safetensors file, checking, before allocating anything sized by the file: the header
   * length (at most {@link #MAX_HEADER_BYTES} and within the file), strict UTF-8 JSON with unique
   * names, dtype F32, non-negative dimensions whose product times 4 equals the tensor's byte range,
   * and byte ranges that cover the data buffer exactly, without overlap, hole or trailing bytes.
   *
   * @throws ModelFileException naming the file, the tensor or field and the problem
   */
  public static Contents read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < Long.BYTES) {
        throw new ModelFileException(file, "the file is " + size + " bytes, too short for the 8-byte"
            + " header length; it is truncated or not a safetensors file");
      }
      long n = readAt(file, ch, 0, Long.BYTES, "the header length").getLong();
      if (n < 0 || n > MAX_HEADER_BYTES) {
        throw new ModelFileException(file, "the header length " + Long.toUnsignedString(n) + " is above"
            + " the limit of " + MAX_HEADER_BYTES + " bytes; the file is corrupt or not a safetensors file");
      }
      if (n > size - Long.BYTES) {
        throw new ModelFileException(file, "the header length " + n + " runs past the end of the file ("
            + (size - Long.BYTES) + " bytes follow the length); the file is truncated");
      }
      byte[] headerBytes = new byte[(int) n];
      readAt(file, ch, Long.BYTES, (int) n, "the header").get(headerBytes);
      long dataStart = Long.BYTES + n;
      SafetensorsHeader header = SafetensorsHeader.decode(file, headerBytes, size - dataStart);
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      for (SafetensorsHeader.Entry e : header.entries()) {
        float[] data = new float[e.size()];
        for (int off = 0; off < data.length; off += CHUNK_FLOATS) {
          int k = Math.min(CHUNK_FLOATS, data.length - off);
          long at = dataStart + e.begin() + (long) off * Float.BYTES;
          readAt(file, ch, at, k * Float.BYTES, "tensor '" + e.name() + "'").asFloatBuffer().get(data, off, k);
        }
        tensors.put(e.name(), Tensor.of(data, Shape.of(e.shape())));
      }
      return new Contents(tensors, header.metadata());
    }
  }

  /** {@code length} bytes at {@code position}, little-endian, or an error if the file ends first. */
  private static ByteBuffer readAt(Path file, FileChannel ch, long position, int length, String what)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buf.hasRemaining()) {
      if (ch.read(buf, position + buf.position()) < 0) {
        throw new ModelFileException(file, "the file ended while reading " + what
            + "; it was truncated or modified during the read");
      }
    }
    return buf.flip();
  }
}
