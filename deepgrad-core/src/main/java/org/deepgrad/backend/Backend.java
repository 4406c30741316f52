package org.deepgrad.backend;

/**
 * The kernels that dominate training time, behind a seam so a native library can supply them.
 * Implementations are found with {@link java.util.ServiceLoader} through {@link BackendProvider};
 * {@link Backends#current()} picks one.
 *
 * <p>All matrices are row-major float32 arrays addressed by an offset and a leading dimension (the
 * distance between rows), as in CBLAS with {@code CblasRowMajor}.
 */
public interface Backend {

  /** A short name, as given to {@code -Ddeepgrad.backend=NAME}. */
  String name();

  /**
   * What computes the products, for benchmark output: the library, its version and the kernel it chose
   * for this processor, where the backend can tell. The default is {@link #name()}.
   */
  default String describe() {
    return name();
  }

  /**
   * General matrix product {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(X)} is X or
   * its transpose. op(A) is m x k, op(B) is k x n, C is m x n. With {@code beta == 0}, C's previous
   * contents are ignored (NaN included).
   */
  void gemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc);

  /**
   * Two independent products (neither reads what the other writes), each giving the bits it gives
   * alone; a backend with several threads may run them at once instead of splitting each. The
   * default runs {@code first}, then {@code second}.
   */
  default void gemmPair(Gemm first, Gemm second) {
    first.runOn(this);
    second.runOn(this);
  }

  /** Number of threads the kernels use. */
  int threads();

  /** Sets the number of threads the kernels use (at least 1). */
  void setThreads(int threads);

  /** {@code threads}, when it is a valid thread count for {@link #setThreads}; else throws saying so. */
  static int validThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads + "; use 1 for single-threaded");
    }
    return threads;
  }
}
