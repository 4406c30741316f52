package org.deepgrad.blas;

import org.bytedeco.javacpp.FloatPointer;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Gemm;
import org.deepgrad.backend.Parallel;

/**
 * A gemm cut into blocks of C's rows, one per thread ({@link Parallel}), each block a
 * single-threaded {@link OpenBlasBackend#sgemm} call on the matching rows of op(A) and all of op(B).
 * Row blocks of a row-major C are disjoint spans of memory, so the blocks' copies in and out of
 * native memory never overlap. Where the arrays are copied (before Java 22, {@link HeapSgemm}), op(B)
 * is copied once into a buffer all blocks read, each thread copying a share of it first, rather than
 * once per block. Each element of C is the same sum in the same order as in the
 * one-threaded product (RowBlocksTest), for two reasons that fix where blocks may start and how
 * small they may be:
 *
 * <ul>
 *   <li>CBLAS's row-major C is OpenBLAS's column-major Cᵀ, so C's rows are the kernel's columns, which
 *       it takes in panels: 12 at a time on the Haswell and Zen kernels, 4 or 2 on older ones, each
 *       panel width with its own code and its own rounding. A block that starts on a multiple of
 *       {@value #ALIGN} rows puts every row in the panel it has in the whole product.
 *   <li>Below about 10⁶ multiply-adds OpenBLAS may switch to its small-matrix kernels (SkylakeX and
 *       later), which round differently: every block gets at least {@value #MIN_MACS}, so it takes the
 *       kernel the whole product would.
 * </ul>
 *
 * <p>Why not OpenBLAS's own threads: one pool of threads serves the products and the element-wise
 * passes of a step (gradient norm, optimizer) without the two pools competing for the cores, and
 * the operand copies are split too; bench/compare-pytorch.sh measures the whole step (docs/
 * performance.md). One object per calling thread holds the arguments, so a call allocates nothing.
 *
 * <p>Two independent products ({@link Backend#gemmPair}) share the threads instead: each gets half of
 * them (on two threads, one each: two whole products at once, so neither copies nor packs the other
 * operand twice, and their blocks cannot be uneven).
 */
final class RowBlocks implements Parallel.Task {
  /** Blocks start on multiples of this many rows of C: a multiple of every kernel's panel width. */
  static final int ALIGN = 12;
  /** Fewest multiply-adds per block: above the small-matrix threshold, and about 20 µs of work. */
  static final long MIN_MACS = 1 << 20;
  private static final ThreadLocal<RowBlocks> PER_THREAD = ThreadLocal.withInitial(RowBlocks::new);

  /** What {@link #run(int, int)} does now. */
  private enum Phase { COPY_B, BLOCKS_SHARED_B, BLOCKS, PAIR }

  private Phase phase;
  // One product split into blocks:
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
  private FloatPointer sharedB;
  private long bSpan;
  // Two products at once:
  private Backend backend;
  private Gemm first;
  private Gemm second;
  private int firstParts;
  private int secondParts;

  static RowBlocks ofThisThread() {
    return PER_THREAD.get();
  }

  /**
   * How many blocks for an m x n x k product on {@code threads} threads: the most, up to {@code threads},
   * whose smallest block (a whole number of {@value #ALIGN}-row units) still has {@value #MIN_MACS}
   * multiply-adds; 1 when the product is too small to share.
   */
  static int parts(int threads, int m, int n, long k) {
    int units = m / ALIGN;
    for (int parts = Math.min(threads, units); parts > 1; parts--) {
      long smallest = (long) (units / parts) * ALIGN * n * k;
      if (smallest >= MIN_MACS) return parts;
    }
    return 1;
  }

  /** Where block {@code part} of {@code parts} starts: whole units of {@value #ALIGN} rows, the last block taking the rest. */
  static int start(int m, int part, int parts) {
    return part == parts ? m : ALIGN * Parallel.bound(m / ALIGN, part, parts);
  }

  /** One product (arguments checked, k &gt; 0) in {@code parts} blocks. */
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
      if (HeapSgemm.SGEMM == null) {
        bSpan = OpenBlasBackend.spanOfB(transB, n, k, ldb);
        sharedB = NativeOperands.ofThisThread().sharedB(bSpan);
        phase = Phase.COPY_B;
        Parallel.run(parts, this);
        phase = Phase.BLOCKS_SHARED_B;
      } else {
        phase = Phase.BLOCKS;
      }
      Parallel.run(parts, this);
    } finally {
      this.a = null; // the arrays are the caller's: do not keep them alive
      this.b = null;
      this.c = null;
      sharedB = null;
    }
  }

  /** Two independent products at once, the first in blocks over half the threads (rounded up), the second over the rest. */
  void runPair(Backend backend, int threads, Gemm one, Gemm two) {
    int half = (threads + 1) / 2;
    this.backend = backend;
    first = one;
    second = two;
    firstParts = parts(half, one.m(), one.n(), one.k());
    secondParts = parts(threads - half, two.m(), two.n(), two.k());
    phase = Phase.PAIR;
    try {
      Parallel.run(firstParts + secondParts, this);
    } finally {
      first = null;
      second = null;
    }
  }

  @Override
  public void run(int part, int parts) {
    switch (phase) {
      case COPY_B -> NativeOperands.ofThisThread().copyPart(sharedB, b, bOffset, bSpan * part / parts,
          bSpan * (part + 1) / parts);
      case BLOCKS_SHARED_B, BLOCKS -> {
        int from = start(m, part, parts);
        int to = start(m, part + 1, parts);
        // Row r of op(A) is row r of A, or column r when A is stored transposed.
        int aRow = aOffset + (transA ? from : from * lda);
        if (phase == Phase.BLOCKS) {
          OpenBlasBackend.sgemm(transA, transB, to - from, n, k, alpha, a, aRow, lda, b, bOffset, ldb,
              beta, c, cOffset + from * ldc, ldc);
        } else {
          OpenBlasBackend.sgemm(transA, transB, to - from, n, k, alpha, a, aRow, lda,
              NativeOperands.ofThisThread().view(sharedB), ldb, beta, c, cOffset + from * ldc, ldc);
        }
      }
      case PAIR -> {
        boolean one = part < firstParts;
        Gemm g = one ? first : second;
        int block = one ? part : part - firstParts;
        int blocks = one ? firstParts : secondParts;
        g.runRowsOn(backend, start(g.m(), block, blocks), start(g.m(), block + 1, blocks));
      }
    }
  }
}
