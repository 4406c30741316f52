package org.deepgrad.bench.vector;

import org.deepgrad.backend.Backend;
import org.deepgrad.backend.GemmArgs;
import org.deepgrad.backend.Parallel;

/**
 * gemm by a Java Vector API kernel ({@link VectorGemm}) on the heap arrays themselves, no copies:
 * the alternative the performance issue asked to measure against OpenBLAS shape by shape. It lives
 * in the benchmarks, not in the library: it is slower on the forward products and the narrow last
 * layers, and taking it only where it is faster (some backward products, by 3-10%) would shorten a
 * training step's products by under 4% at the price of an incubator module for every user
 * (docs/performance.md). {@code MlpMatmulBenchmark} and {@code GemmFlops} time it.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector} (JDK 17's Vector API is an incubator module);
 * priority -1, so it is used only when named. With {@code threads} &gt; 1 C's longer side is split
 * over {@link Parallel}'s threads.
 */
final class VectorBackend implements Backend {
  /** Fewest multiply-adds per thread's share, as for OpenBLAS's row blocks. */
  private static final long MIN_MACS = 1 << 20;
  private static final ThreadLocal<VectorGemm> PER_THREAD = ThreadLocal.withInitial(VectorGemm::new);

  private volatile int threads = 1;

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    GemmArgs.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    if (m == 0 || n == 0) return;
    long work = (long) m * n * k;
    // Split the longer side of C: every share packs all of op(B)'s columns it needs, so a wide,
    // short C (a forward product, 128 rows) is cut by columns, or op(B) would be packed once per thread.
    boolean byRows = m >= n;
    int side = byRows ? m : n;
    int tile = byRows ? VectorGemm.MR : VectorGemm.NR;
    int parts = (int) Math.max(1, Math.min(threads, Math.min(side / tile, work / MIN_MACS)));
    if (parts == 1) {
      PER_THREAD.get().block(0, m, 0, n, transA, transB, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c,
          cOffset, ldc);
      return;
    }
    Parallel.run(parts, (part, of) -> {
      int from = Parallel.bound(side, part, of);
      int to = Parallel.bound(side, part + 1, of);
      int rowFrom = byRows ? from : 0;
      int rowTo = byRows ? to : m;
      int colFrom = byRows ? 0 : from;
      int colTo = byRows ? n : to;
      PER_THREAD.get().block(rowFrom, rowTo, colFrom, colTo, transA, transB, k, alpha, a, aOffset, lda, b, bOffset,
          ldb, beta, c, cOffset, ldc);
    });
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public void setThreads(int threads) {
    this.threads = Backend.validThreads(threads);
  }
}
