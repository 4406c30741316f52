package org.deepgrad.backend;

/**
 * Argument checks shared by {@link Backend#gemm} implementations, so a bad call fails with a message
 * before any element of C is written (and before a native library could read past an array's end).
 *
 * <p>The rules are CBLAS's for {@code CblasRowMajor}: op(A) is m x k, stored as m x k rows
 * (lda &ge; k) or, transposed, as k x m rows (lda &ge; m); likewise B with n; C is m x n with
 * ldc &ge; n. Every element a matrix touches must lie inside its array. Unlike CBLAS, a leading
 * dimension of 0 is accepted for a matrix without elements (a zero-sized inner dimension).
 */
public final class GemmArgs {
  private GemmArgs() {}

  /**
   * Throws {@link IllegalArgumentException} naming the first bad argument, or
   * {@link IndexOutOfBoundsException} naming the matrix that does not fit its array.
   */
  public static void check(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float[] c, int cOffset, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException("gemm: m, n, k must be >= 0, got m=" + m + " n=" + n + " k=" + k);
    }
    matrix("A", a, aOffset, lda, transA ? k : m, transA ? m : k);
    matrix("B", b, bOffset, ldb, transB ? n : k, transB ? k : n);
    matrix("C", c, cOffset, ldc, m, n);
  }

  /** A stored {@code rows x cols} matrix: ld covers a row, and the last element lies in the array. */
  private static void matrix(String name, float[] x, int offset, int ld, int rows, int cols) {
    if (ld < cols) {
      throw new IllegalArgumentException("gemm: ld" + name.toLowerCase() + "=" + ld + " is less than the "
          + cols + " columns of the stored " + name + " (" + rows + " x " + cols + "); pass ld >= columns");
    }
    if (rows == 0 || cols == 0) return;
    if (x == null) throw new IllegalArgumentException("gemm: matrix " + name + " is null");
    long end = offset + (long) (rows - 1) * ld + cols;
    if (offset < 0 || end > x.length) {
      throw new IndexOutOfBoundsException("gemm: " + name + " (" + rows + " x " + cols + ", offset " + offset
          + ", ld " + ld + ") needs elements up to index " + (end - 1) + " but its array has length " + x.length);
    }
  }
}
