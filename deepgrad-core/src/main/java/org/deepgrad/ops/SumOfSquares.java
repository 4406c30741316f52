package org.deepgrad.ops;

/**
 * {@code Σ v[i]²}, a gradient's squared L2 norm: infinite or NaN when an element is. Every gradient
 * norm of a training step (the trainer's, clipping's, diagnostics') is summed by this class, so they
 * agree to the bit.
 *
 * <p>Arithmetic: the array is cut into chunks of {@value #CHUNK} elements, whose sums are added in
 * order in double; a chunk is cut into blocks of {@value #BLOCK} elements, each summed with fused
 * multiply-adds in eight float lanes (the loop the JIT makes fastest: about twice the speed of
 * squaring in double) and added in double. A block whose float sum is not finite (a square
 * overflowed float) is summed again in double; one whose sum is below {@value #TINY} (squares may have
 * underflowed) is summed again in float with its elements scaled by 2⁹⁶, which is exact and makes
 * every square a normal float, then scaled back in double. So the result keeps float's relative
 * precision, about 1e-6, over the whole double range, a finite gradient never reads as infinite, and
 * all-zero blocks (the gradients of dead units) cost two fast passes, not a slow one in double.
 * Chunks let threads share one array ({@link #of(float[], int, int)} per chunk) and still give the
 * bits of {@link #of(float[])}.
 */
public final class SumOfSquares {
  /** Elements per chunk, the unit of work threads share. */
  public static final int CHUNK = 1 << 16;
  /** Elements per block summed in float. */
  static final int BLOCK = 256;
  /** Below this a block's float sum may have lost squares to underflow. */
  static final float TINY = 1e-30f;
  /**
   * A block below {@link #TINY} has every |v| &lt; 1e-15 &lt; 2⁻⁴⁹: scaled by 2⁹⁶, 256 squares stay
   * below 2¹⁰², and the smallest subnormal, 2⁻¹⁴⁹, squares to 2⁻¹⁰⁶, above float's least normal 2⁻¹²⁶.
   */
  private static final float SCALE = 0x1p96f;
  private static final double UNSCALE = 0x1p-192;

  private SumOfSquares() {}

  /** {@code Σ v[i]²}: the chunks' sums, added in order. */
  public static double of(float[] v) {
    double s = 0;
    for (int from = 0; from < v.length; from += CHUNK) s += of(v, from, Math.min(v.length, from + CHUNK));
    return s;
  }

  /** {@code Σ v[i]²} for i in [from, to): one chunk's sum when the range is a chunk. */
  public static double of(float[] v, int from, int to) {
    double s = 0;
    for (int b = from; b < to; b += BLOCK) {
      int end = Math.min(to, b + BLOCK);
      float f = floatBlock(v, b, end, 1f);
      if (!Float.isFinite(f)) s += doubleBlock(v, b, end);
      else if (f >= TINY) s += f;
      else s += floatBlock(v, b, end, SCALE) * UNSCALE;
    }
    return s;
  }

  /** {@code Σ (scale v[i])²} in eight float lanes (scale 1 is exact and costs nothing once inlined). */
  private static float floatBlock(float[] v, int from, int to, float scale) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int i = from;
    for (; i + 7 < to; i += 8) {
      float x0 = v[i] * scale, x1 = v[i + 1] * scale, x2 = v[i + 2] * scale, x3 = v[i + 3] * scale;
      float x4 = v[i + 4] * scale, x5 = v[i + 5] * scale, x6 = v[i + 6] * scale, x7 = v[i + 7] * scale;
      s0 = Math.fma(x0, x0, s0);
      s1 = Math.fma(x1, x1, s1);
      s2 = Math.fma(x2, x2, s2);
      s3 = Math.fma(x3, x3, s3);
      s4 = Math.fma(x4, x4, s4);
      s5 = Math.fma(x5, x5, s5);
      s6 = Math.fma(x6, x6, s6);
      s7 = Math.fma(x7, x7, s7);
    }
    for (; i < to; i++) {
      float x = v[i] * scale;
      s0 = Math.fma(x, x, s0);
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  private static double doubleBlock(float[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) s += (double) v[i] * v[i];
    return s;
  }
}
