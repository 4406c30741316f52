package org.deepgrad.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX file contents byte by byte for tests, including deliberately broken ones. */
final class IdxFiles {
  private IdxFiles() {}

  /** An IDX header with the given type byte and dims (written as given, even if invalid). */
  static byte[] header(int type, int... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
    b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
    for (int d : dims) b.putInt(d);
    return b.array();
  }

  /** A well-formed unsigned-byte IDX file: the header for {@code dims} followed by {@code data}. */
  static byte[] idx(byte[] data, int... dims) {
    return concat(header(0x08, dims), data);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Bytes 0, 1, ..., n-1 modulo 256: covers the values above 127 that Java reads as negative. */
  static byte[] ramp(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) b[i] = (byte) i;
    return b;
  }
}
