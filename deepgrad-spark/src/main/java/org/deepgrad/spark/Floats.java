package org.deepgrad.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Float and double arrays as the text {@link Collective} messages are: little-endian bytes in
 * Base64 (4/3 of the binary size). Exact: every bit pattern, NaN and infinities included, comes back.
 */
final class Floats {
  private Floats() {}

  /** {@code values} as Base64 text. */
  static String encode(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(b.array());
  }

  /** The floats {@link #encode} wrote. */
  static float[] decode(String text) {
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[b.remaining() / 4];
    b.asFloatBuffer().get(out);
    return out;
  }

  /** {@code values} as Base64 text. */
  static String encode(double[] values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values);
    return Base64.getEncoder().encodeToString(b.array());
  }

  /** The doubles {@link #encode(double[])} wrote. */
  static double[] decodeDoubles(String text) {
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
    double[] out = new double[b.remaining() / 8];
    b.asDoubleBuffer().get(out);
    return out;
  }
}
