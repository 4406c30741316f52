package org.deepgrad.backend;

/**
 * The pure-Java backend: needs nothing outside the JDK (Java 17 or later, no incubator modules).
 *
 * <p>gemm is cache-blocked and written so HotSpot vectorizes its inner loop ({@link GemmKernel}), several
 * times faster than the textbook triple loop (deepgrad-bench's GemmFlops; the figures are in
 * docs/performance.md). Skinny products (a single row or column) gain little: packing costs as much
 * as it saves. Products of at least {@value #PARALLEL_WORK} multiply-adds are split
 * into equal bands of rows (or of columns, when C is wider than tall), one per thread, on a shared
 * pool of daemon threads. The bands are fixed by the shape and the thread count, and the order of
 * additions into each element of C does not depend on them: every thread count gives bit-identical
 * results.
 */
public final class JavaBackend implements Backend {
  /** Below this many multiply-adds (tens of microseconds of work) a product runs on the calling thread. */
  static final long PARALLEL_WORK = 1L << 20;
  /** Column bands are multiples of this width, so each band's rows start on a SIMD boundary. */
  private static final int COLUMN_GRAIN = 16;

  private volatile int threads = 1;

  @Override
  public String name() {
    return "java";
  }

  @Override
  public String describe() {
    return "pure Java on Java " + Runtime.version().feature();
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    GemmArgs.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    if (m == 0 || n == 0) return;
    GemmKernel kernel = new GemmKernel(transA, transB, k, alpha, a, aOffset, lda,
        b, bOffset, ldb, beta, c, cOffset, ldc);
    boolean byRows = m >= n;
    int extent = byRows ? m : (n + COLUMN_GRAIN - 1) / COLUMN_GRAIN;
    int tasks = (long) m * n * k < PARALLEL_WORK ? 1 : Math.min(threads, extent);
    WorkerPool.run(tasks, t -> {
      int lo = Parallel.bound(extent, t, tasks);
      int hi = Parallel.bound(extent, t + 1, tasks);
      if (byRows) {
        kernel.compute(lo, hi, 0, n);
      } else {
        kernel.compute(0, m, lo * COLUMN_GRAIN, Math.min(n, hi * COLUMN_GRAIN));
      }
    });
  }

  @Override
  public int threads() {
    return threads;
  }

  /** Sets the number of threads gemm uses and makes room for them in the shared pool. */
  @Override
  public void setThreads(int threads) {
    WorkerPool.ensure(Backend.validThreads(threads) - 1);
    this.threads = threads;
  }
}
