package org.deepgrad.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

class SumOfSquaresTest {

  /** Σ v² exactly (every float's square is exact in BigDecimal), rounded to double. */
  private static double exact(float[] v) {
    BigDecimal s = BigDecimal.ZERO;
    for (float x : v) s = s.add(new BigDecimal(x).multiply(new BigDecimal(x)));
    return s.round(MathContext.DECIMAL64).doubleValue();
  }

  private static float[] gaussian(int n, double scale, long seed) {
    Rng rng = new Rng(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) (rng.normal() * scale);
    return v;
  }

  @Test
  void keepsFloatPrecisionAcrossTheDoubleRange() {
    // lengths across block and chunk ends; scales where float squares would overflow or underflow
    for (int n : new int[] {0, 1, 7, 8, 255, 257, SumOfSquares.CHUNK + 3, 3 * SumOfSquares.CHUNK}) {
      for (double scale : new double[] {1, 1e-3, 1e20, 1e-15, 1e-22, 1e-40, 1e-45}) {
        float[] v = gaussian(n, scale, n);
        double want = exact(v);
        double got = SumOfSquares.of(v);
        assertTrue(Double.isFinite(got), n + " x " + scale);
        assertEquals(want, got, 1e-6 * want, n + " values at scale " + scale);
      }
    }
  }

  @Test
  void tinyValuesAmongZerosAreNotLost() {
    // Blocks of zeros (dead units' gradients) with one element each of a size whose square
    // underflows float: the least subnormal, a subnormal, a normal float below 1e-19.
    float[] v = new float[4 * SumOfSquares.BLOCK];
    v[3] = Float.MIN_VALUE;
    v[SumOfSquares.BLOCK + 200] = 3e-42f;
    v[2 * SumOfSquares.BLOCK + 17] = -2.5e-20f;
    double want = exact(v);
    assertTrue(want > 0);
    assertEquals(want, SumOfSquares.of(v), 1e-6 * want);
    assertEquals(0.0, SumOfSquares.of(new float[3 * SumOfSquares.BLOCK]), 0.0);
  }

  @Test
  void aNonFiniteElementMakesItNonFinite() {
    float[] v = gaussian(1000, 1, 1);
    v[613] = Float.NaN;
    assertTrue(Double.isNaN(SumOfSquares.of(v)));
    v[613] = Float.NEGATIVE_INFINITY;
    assertEquals(Double.POSITIVE_INFINITY, SumOfSquares.of(v));
  }

  @Test
  void theWholeIsItsChunksAddedInOrder() {
    float[] v = gaussian(2 * SumOfSquares.CHUNK + 100, 1, 3);
    double s = 0;
    for (int from = 0; from < v.length; from += SumOfSquares.CHUNK) {
      s += SumOfSquares.of(v, from, Math.min(v.length, from + SumOfSquares.CHUNK));
    }
    assertEquals(s, SumOfSquares.of(v), 0.0);
  }
}
