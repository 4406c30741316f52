package org.deepgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepgrad.tensor.Rng;

/**
 * gemm cases and a double-precision reference, shared by the Java backend's test and the parity test
 * over every backend: edge shapes (1 x 1 x 1, odd sizes, blocks crossed with tails), all four
 * transpose combinations, offsets and leading dimensions wider than the matrix, alpha and beta of
 * several kinds, and C filled with NaN where beta is 0.
 */
public final class GemmCases {
  /** One call's arguments; the arrays are built by {@link #check}. {@code nanC} fills C with NaN first. */
  public record Case(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
      int offset, int pad, boolean nanC) {
    @Override
    public String toString() {
      return (transA ? "Aᵀ" : "A") + (transB ? "Bᵀ" : "B") + " " + m + "x" + n + "x" + k + " alpha=" + alpha
          + " beta=" + beta + " offset=" + offset + " pad=" + pad + (nanC ? " C=NaN" : "");
    }
  }

  private GemmCases() {}

  /** Every transpose combination over fixed edge shapes, then seeded random shapes. */
  public static List<Case> all(long seed) {
    List<Case> cases = new ArrayList<>();
    int[][] shapes = {{1, 1, 1}, {17, 33, 65}, {5, 3, 1}, {1, 40, 9}, {33, 1, 20}, {3, 4, 0},
        {300, 530, 37}, {70, 600, 19}};
    for (int t = 0; t < 4; t++) {
      boolean ta = (t & 1) != 0;
      boolean tb = (t & 2) != 0;
      for (int[] s : shapes) {
        cases.add(new Case(ta, tb, s[0], s[1], s[2], 1f, 0f, 0, 0, false));
        cases.add(new Case(ta, tb, s[0], s[1], s[2], -0.75f, 1f, 3, 5, false));
        cases.add(new Case(ta, tb, s[0], s[1], s[2], 1.5f, 0f, 7, 2, true));
        cases.add(new Case(ta, tb, s[0], s[1], s[2], 0.5f, -2f, 1, 1, false));
      }
      cases.add(new Case(ta, tb, 9, 10, 11, 0f, 0.5f, 2, 3, false));
    }
    Rng rng = new Rng(seed);
    for (int i = 0; i < 24; i++) {
      boolean ta = rng.nextInt(2) == 1;
      boolean tb = rng.nextInt(2) == 1;
      int m = 1 + rng.nextInt(70);
      int n = 1 + rng.nextInt(70);
      int k = 1 + rng.nextInt(70);
      float alpha = (float) rng.uniform(-2, 2);
      float beta = rng.nextInt(3) - 1;
      cases.add(new Case(ta, tb, m, n, k, alpha, beta, rng.nextInt(4), rng.nextInt(4),
          beta == 0f && rng.nextInt(2) == 0)); // NaN in C only where beta = 0 must hide it
    }
    return cases;
  }

  /**
   * Runs {@code c} on {@code backend} and compares every element of C with the product in double
   * precision. The tolerance is the forward error bound of a k-term float dot product,
   * {@code (k + 2) u (|alpha| sum |a b| + |beta c|)} with u = 2^-24, doubled: a bound, so the check
   * cannot flake, and tight enough to catch a dropped or doubled term. Also checks that no element of
   * C's array outside the m x n window changed (offsets and row gaps), and returns C.
   * A and B hold NaN outside their windows, so a read past a window fails the check.
   */
  public static float[] check(Backend backend, Case c, long seed) {
    Rng rng = new Rng(seed);
    int aRows = c.transA ? c.k : c.m;
    int aCols = c.transA ? c.m : c.k;
    int bRows = c.transB ? c.n : c.k;
    int bCols = c.transB ? c.k : c.n;
    int lda = aCols + c.pad; // 0 for an empty A: allowed, and CBLAS backends must cope
    int ldb = bCols + c.pad + 1;
    int ldc = c.n + c.pad;
    float[] a = matrix(rng, c.offset, aRows, aCols, lda, Float.NaN);
    float[] b = matrix(rng, c.offset, bRows, bCols, ldb, Float.NaN);
    float[] cArr = matrix(rng, c.offset, c.m, c.n, ldc, 3.5f);
    if (c.nanC) {
      for (int i = 0; i < c.m; i++) Arrays.fill(cArr, c.offset + i * ldc, c.offset + i * ldc + c.n, Float.NaN);
    }
    float[] before = cArr.clone();
    backend.gemm(c.transA, c.transB, c.m, c.n, c.k, c.alpha, a, c.offset, lda, b, c.offset, ldb,
        c.beta, cArr, c.offset, ldc);
    double u = 0x1p-24;
    boolean[] inWindow = new boolean[cArr.length];
    for (int i = 0; i < c.m; i++) {
      for (int j = 0; j < c.n; j++) {
        int at = c.offset + i * ldc + j;
        inWindow[at] = true;
        double sum = 0;
        double magnitude = 0;
        if (c.alpha != 0f) {
          for (int p = 0; p < c.k; p++) {
            double x = a[c.transA ? c.offset + p * lda + i : c.offset + i * lda + p];
            double y = b[c.transB ? c.offset + j * ldb + p : c.offset + p * ldb + j];
            sum += x * y;
            magnitude += Math.abs(x * y);
          }
        }
        double old = c.beta == 0f ? 0 : (double) c.beta * before[at];
        double want = c.alpha * sum + old;
        double tol = 2 * (c.k + 2) * u * (Math.abs(c.alpha) * magnitude + Math.abs(old)) + 1e-30;
        double got = cArr[at];
        if (!(Math.abs(got - want) <= tol)) {
          fail(backend.name() + " " + c + ": C[" + i + "," + j + "] = " + got + ", want " + want + " +- " + tol);
        }
      }
    }
    for (int at = 0; at < cArr.length; at++) {
      if (!inWindow[at]) {
        int where = at;
        assertEquals(before[at], cArr[at], () -> backend.name() + " " + c + ": wrote outside C at " + where);
      }
    }
    return cArr;
  }

  /**
   * A rows x cols window at {@code offset} with row stride ld, uniform in [-1, 1); the rest of the
   * array (before the offset, the row gaps, a tail) holds {@code outside}: NaN in A and B, so reading
   * past the window poisons the result.
   */
  private static float[] matrix(Rng rng, int offset, int rows, int cols, int ld, float outside) {
    float[] x = new float[offset + rows * ld + 2];
    Arrays.fill(x, outside);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) x[offset + i * ld + j] = (float) rng.uniform(-1, 1);
    }
    return x;
  }
}
