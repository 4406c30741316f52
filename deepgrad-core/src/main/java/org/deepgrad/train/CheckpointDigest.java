package org.deepgrad.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.deepgrad.io.Checksums;
import org.deepgrad.tensor.Tensor;

/**
 * The checksum a checkpoint carries in its metadata entry {@value #KEY}: lowercase hex SHA-256 of
 *
 * <pre>
 * for each other metadata entry, by key in code-point order:  key 0x00 value 0x00      (UTF-8)
 * for each tensor, by name in code-point order:              name 0x00 "d0,d1,..." 0x00 data
 * </pre>
 *
 * where data is the tensor's float32 values, little-endian: exactly its bytes in the file. Any
 * change to a value, a name, a shape or a metadata entry changes it. In Python:
 * {@code h.update(k.encode() + b"\0" + v.encode() + b"\0")} per entry, then
 * {@code h.update(n.encode() + b"\0" + ",".join(map(str, t.shape)).encode() + b"\0" + t.tobytes())}.
 */
final class CheckpointDigest {
  /** The metadata key of the checksum. */
  static final String KEY = "sha256";
  private static final int CHUNK_FLOATS = 1 << 14;

  private CheckpointDigest() {}

  /** The hex digest of {@code tensors} and every entry of {@code metadata} except {@value #KEY}. */
  static String of(Map<String, Tensor> tensors, Map<String, String> metadata) {
    MessageDigest md = sha256();
    new TreeMap<>(metadata).forEach((k, v) -> {
      if (!k.equals(KEY)) {
        field(md, k);
        field(md, v);
      }
    });
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    new TreeMap<>(tensors).forEach((name, t) -> {
      field(md, name);
      StringJoiner dims = new StringJoiner(",");
      for (int d : t.shape().dims()) dims.add(Integer.toString(d));
      field(md, dims.toString());
      float[] data = t.data();
      for (int off = 0; off < data.length; off += CHUNK_FLOATS) {
        int n = Math.min(CHUNK_FLOATS, data.length - off);
        chunk.clear();
        for (int i = 0; i < n; i++) chunk.putInt(Float.floatToRawIntBits(data[off + i]));
        md.update(chunk.array(), 0, n * Float.BYTES);
      }
    });
    return Checksums.hex(md.digest());
  }

  private static void field(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
