package org.deepgrad.backend;

/**
 * One {@code C = alpha op(A) op(B) + beta C} call, computed block by block over rectangles of C.
 *
 * <p>The loop nest (after Goto and van de Geijn, "Anatomy of high-performance matrix multiplication",
 * 2008, reshaped for what HotSpot's C2 vectorizes): C is taken in blocks of MC x NC, summed in a
 * per-thread accumulator of MC row arrays. For each slice of KC rows of op(B), the slice is packed
 * into KC separate row arrays (16 x 512 floats = 32 KiB, held in L1), and every accumulator row takes
 * four rank-1 updates per pass,
 *
 * <pre>
 * acc[i][j] += a0 B[p, j] + a1 B[p+1, j] + a2 B[p+2, j] + a3 B[p+3, j]     (a_q = A[i, p+q])
 * </pre>
 *
 * a loop over j that C2 turns into SIMD loads, multiplies and adds. It has one store stream and
 * indexes every array by j alone, the shape C2's alias analysis accepts on JDK 17 through 25: kernels
 * that update two rows per pass, write into C at an offset, or read B at offsets into one array stay
 * scalar, several times slower (docs/performance.md). Finally {@code C = alpha acc + beta C}. A is read
 * in place.
 *
 * <p>The order of the additions into C[i, j] depends only on k, never on the rectangle, so the
 * result is bit-identical for every split of C across threads.
 */
final class GemmKernel {
  static final int KC = 16;
  static final int NC = 512;
  static final int MC = 256;
  private static final ThreadLocal<float[][]> PANEL = ThreadLocal.withInitial(() -> new float[KC][NC]);
  /** Accumulator rows, allocated as a thread first needs them (small products stay small). */
  private static final ThreadLocal<float[][]> ACC = ThreadLocal.withInitial(() -> new float[MC][]);

  private final boolean transB;
  private final int k;
  private final float alpha;
  private final float beta;
  private final float[] a;
  private final int aOffset;
  private final int aRowStep;
  private final int aColStep;
  private final float[] b;
  private final int bOffset;
  private final int ldb;
  private final float[] c;
  private final int cOffset;
  private final int ldc;

  GemmKernel(boolean transA, boolean transB, int k, float alpha, float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
    this.transB = transB;
    this.k = k;
    this.alpha = alpha;
    this.beta = beta;
    this.a = a;
    this.aOffset = aOffset;
    this.aRowStep = transA ? 1 : lda;
    this.aColStep = transA ? lda : 1;
    this.b = b;
    this.bOffset = bOffset;
    this.ldb = ldb;
    this.c = c;
    this.cOffset = cOffset;
    this.ldc = ldc;
  }

  /** Computes rows [i0, i1) and columns [j0, j1) of C. */
  void compute(int i0, int i1, int j0, int j1) {
    if (alpha == 0f || k == 0) { // as in BLAS: A and B are not read
      for (int i = i0; i < i1; i++) store(null, c, cOffset + i * ldc + j0, j1 - j0);
      return;
    }
    float[][] panel = PANEL.get();
    float[][] acc = ACC.get();
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int ic = i0; ic < i1; ic += MC) {
        int mc = Math.min(MC, i1 - ic);
        for (int r = 0; r < mc; r++) {
          if (acc[r] == null) acc[r] = new float[NC];
          java.util.Arrays.fill(acc[r], 0, nc, 0f);
        }
        for (int pc = 0; pc < k; pc += KC) {
          int kc = Math.min(KC, k - pc);
          pack(panel, pc, kc, jc, nc);
          for (int r = 0; r < mc; r++) {
            rowUpdate(a, aOffset + (ic + r) * aRowStep + pc * aColStep, aColStep, panel, kc, nc, acc[r]);
          }
        }
        for (int r = 0; r < mc; r++) store(acc[r], c, cOffset + (ic + r) * ldc + jc, nc);
      }
    }
  }

  /** c[co + j] = alpha acc[j] + beta c[co + j]; beta == 0 ignores the old value (NaN included). */
  private void store(float[] acc, float[] c, int co, int nc) {
    for (int j = 0; j < nc; j++) {
      float product = acc == null ? 0f : alpha * acc[j];
      c[co + j] = beta == 0f ? product : product + beta * c[co + j];
    }
  }

  /** panel[p][j] = op(B)[pc + p, jc + j]. */
  private void pack(float[][] panel, int pc, int kc, int jc, int nc) {
    if (!transB) {
      for (int p = 0; p < kc; p++) System.arraycopy(b, bOffset + (pc + p) * ldb + jc, panel[p], 0, nc);
      return;
    }
    int src = bOffset + jc * ldb + pc;
    for (int p = 0; p < kc; p++) {
      float[] row = panel[p];
      for (int j = 0, s = src + p; j < nc; j++, s += ldb) row[j] = b[s];
    }
  }

  /** acc[j] += sum over p of A[i, pc + p] panel[p][j], four rows of the panel per pass. */
  private static void rowUpdate(float[] a, int ai, int as, float[][] panel, int kc, int nc, float[] acc) {
    int p = 0;
    for (; p + 3 < kc; p += 4, ai += 4 * as) {
      float a0 = a[ai];
      float a1 = a[ai + as];
      float a2 = a[ai + 2 * as];
      float a3 = a[ai + 3 * as];
      float[] b0 = panel[p];
      float[] b1 = panel[p + 1];
      float[] b2 = panel[p + 2];
      float[] b3 = panel[p + 3];
      for (int j = 0; j < nc; j++) acc[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
    }
    for (; p < kc; p++, ai += as) {
      float a0 = a[ai];
      float[] b0 = panel[p];
      for (int j = 0; j < nc; j++) acc[j] += a0 * b0[j];
    }
  }
}
