package org.deepgrad.blas;

import org.deepgrad.backend.Parallel;

/**
 * A gemm cut into blocks of C's rows, one per thread ({@link Parallel}): rows
 * {@code [m·p/parts, m·(p+1)/parts)} of C, with the matching rows of op(A) and all of op(B), each
 * block a single-threaded {@link OpenBlasBackend#sgemm} call. Row blocks of a row-major C are
 * disjoint spans of memory, so the blocks' copies in and out of native memory never overlap. Each
 * element of C is the same sum in the same order as in the one-threaded product (RowBlocksTest).
 *
 * <p>Why not OpenBLAS's own threads: one pool of threads serves the products and the element-wise
 * passes of a step (gradient norm, optimizer) without the two pools competing for the cores, and
 * the operand copies are split too; bench/compare-pytorch.sh measures the whole step (docs/
 * performance.md). One object per calling thread holds the arguments, so a call allocates nothing.
 */
final class RowBlocks implements Parallel.Task {
  /** Fewest rows of C per block. */
  static final int MIN_ROWS = 16;
  /**
   * Fewest multiply-adds per block: about 20 µs of work, so the hand-over is a small cost, and above
   * the 10⁶ below which OpenBLAS may switch to its small-matrix kernels, which round differently: every
   * block then takes the kernel the whole product would, and the thread count does not change the bits.
   */
  static final long MIN_MACS = 1 << 20;
  private static final ThreadLocal<RowBlocks> PER_THREAD = ThreadLocal.withInitial(RowBlocks::new);

  private boolean transA;
  private boolean transB;
  private int m;
  private int n;
  private int k;
  private float alpha;
  private float[] a;
  private int aOffset;
  private int lda;
  private float[] b;
  private int bOffset;
  private int ldb;
  private float beta;
  private float[] c;
  private int cOffset;
  private int ldc;

  static RowBlocks ofThisThread() {
    return PER_THREAD.get();
  }

  /** How many blocks for an m x n x k product on {@code threads} threads: 1 when it is too small to share. */
  static int parts(int threads, int m, int n, long k) {
    if (threads == 1) return 1;
    long byWork = (long) m * n * k / MIN_MACS;
    return (int) Math.max(1, Math.min(threads, Math.min(m / MIN_ROWS, byWork)));
  }

  void run(int parts, boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOffset,
      int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
    this.transA = transA;
    this.transB = transB;
    this.m = m;
    this.n = n;
    this.k = k;
    this.alpha = alpha;
    this.a = a;
    this.aOffset = aOffset;
    this.lda = lda;
    this.b = b;
    this.bOffset = bOffset;
    this.ldb = ldb;
    this.beta = beta;
    this.c = c;
    this.cOffset = cOffset;
    this.ldc = ldc;
    try {
      Parallel.run(parts, this);
    } finally {
      this.a = null; // the arrays are the caller's: do not keep them alive
      this.b = null;
      this.c = null;
    }
  }

  @Override
  public void run(int part, int parts) {
    int from = Parallel.bound(m, part, parts);
    int to = Parallel.bound(m, part + 1, parts);
    // Row r of op(A) is row r of A, or column r when A is stored transposed.
    int aRow = aOffset + (transA ? from : from * lda);
    OpenBlasBackend.sgemm(transA, transB, to - from, n, k, alpha, a, aRow, lda, b, bOffset, ldb,
        beta, c, cOffset + from * ldc, ldc);
  }
}
