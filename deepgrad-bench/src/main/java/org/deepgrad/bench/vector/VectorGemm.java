package org.deepgrad.bench.vector;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One thread's share of a {@link VectorBackend} product: a block of {@code C = alpha op(A) op(B) + beta C},
 * rows {@code [from, to)} and columns {@code [colFrom, colTo)}, by the loop nest of Goto and van de Geijn
 * ("Anatomy of high-performance matrix multiplication", 2008). For each slice of {@value #KC} values of k,
 * op(B)'s slice is packed into panels of NR columns and op(A)'s rows into panels of {@value #MR} rows,
 * both laid out in the order the micro-kernel reads them; the micro-kernel keeps a {@value #MR} x NR
 * block of C in 24 vector registers (NR = two vectors; AVX-512 has 32, AVX2's 16 would spill) through
 * the whole slice:
 *
 * <pre>
 * for p in slice:  b0, b1 = op(B)[p, j .. j + NR)          two vector loads
 *                  for r &lt; MR:  x = op(A)[i + r, p]        one broadcast
 *                               acc[r] += x · (b0, b1)     two fused multiply-adds
 * </pre>
 *
 * The block goes through a small array into C: with the edge handling inside the kernel, the JIT
 * ran out of inlining budget and left the vector calls as boxed objects, about 15 times slower.
 */
final class VectorGemm {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** Rows of C per micro-kernel call. */
  static final int MR = 12;
  /** Columns of C per micro-kernel call: two vectors. */
  static final int NR = 2 * L;
  /** Values of k per packed slice: an A panel (MR x KC) stays in L1, the B slice in L2. */
  static final int KC = 256;

  private final float[] tile = new float[MR * NR];
  private float[] ap = new float[0];
  private float[] bp = new float[0];

  void block(int from, int to, int colFrom, int colTo, boolean transA, boolean transB, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc) {
    int n = colTo - colFrom;
    if (k == 0) {
      for (int i = from; i < to; i++) {
        for (int j = colFrom; j < colTo; j++) {
          int at = cOffset + i * ldc + j;
          c[at] = beta == 0f ? 0f : beta * c[at];
        }
      }
      return;
    }
    int panelsA = (to - from + MR - 1) / MR;
    int panelsB = (n + NR - 1) / NR;
    int slice = Math.min(KC, k);
    if (ap.length < panelsA * MR * slice) ap = new float[panelsA * MR * slice];
    if (bp.length < panelsB * NR * slice) bp = new float[panelsB * NR * slice];
    for (int pc = 0; pc < k; pc += KC) {
      int kc = Math.min(KC, k - pc);
      packB(transB, colFrom, n, pc, kc, b, bOffset, ldb);
      packA(transA, from, to, pc, kc, a, aOffset, lda);
      // The first slice applies beta; the later ones add to C.
      float scale = pc == 0 ? beta : 1f;
      for (int jp = 0; jp < panelsB; jp++) {
        for (int ip = 0; ip < panelsA; ip++) {
          kernel(kc, ip * kc * MR, jp * kc * NR);
          addTile(from + ip * MR, Math.min(MR, to - from - ip * MR), colFrom + jp * NR, Math.min(NR, n - jp * NR),
              alpha, scale, c, cOffset, ldc);
        }
      }
    }
  }

  /** bp[panel][p][j] = op(B)[pc + p, colFrom + panel·NR + j], zero past the block's n columns. */
  private void packB(boolean transB, int colFrom, int n, int pc, int kc, float[] b, int bOffset, int ldb) {
    for (int j0 = 0; j0 < n; j0 += NR) {
      int width = Math.min(NR, n - j0);
      int base = j0 * kc;
      if (transB) {
        // Column j of op(B) is row j of B: read it along, write it down the panel.
        for (int j = 0; j < NR; j++) {
          int row = bOffset + (colFrom + j0 + j) * ldb + pc;
          if (j < width) {
            for (int p = 0; p < kc; p++) bp[base + p * NR + j] = b[row + p];
          } else {
            for (int p = 0; p < kc; p++) bp[base + p * NR + j] = 0f;
          }
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int dst = base + p * NR;
          System.arraycopy(b, bOffset + (pc + p) * ldb + colFrom + j0, bp, dst, width);
          if (width < NR) Arrays.fill(bp, dst + width, dst + NR, 0f);
        }
      }
    }
  }

  /** ap[panel][p][r] = op(A)[from + panel·MR + r, pc + p], zero past row {@code to}. */
  private void packA(boolean transA, int from, int to, int pc, int kc, float[] a, int aOffset, int lda) {
    for (int i0 = from; i0 < to; i0 += MR) {
      int base = (i0 - from) * kc;
      int height = Math.min(MR, to - i0);
      if (transA) {
        // op(A)[i0 .. i0 + MR, pc + p] is a run of row pc + p of A.
        for (int p = 0; p < kc; p++) {
          int src = aOffset + (pc + p) * lda + i0;
          int dst = base + p * MR;
          System.arraycopy(a, src, ap, dst, height);
          if (height < MR) Arrays.fill(ap, dst + height, dst + MR, 0f);
        }
      } else {
        for (int r = 0; r < MR; r++) {
          if (r < height) {
            int row = aOffset + (i0 + r) * lda + pc;
            for (int p = 0; p < kc; p++) ap[base + p * MR + r] = a[row + p];
          } else {
            for (int p = 0; p < kc; p++) ap[base + p * MR + r] = 0f;
          }
        }
      }
    }
  }

  /** One A panel times one B panel over kc values of k, into {@link #tile}. */
  private void kernel(int kc, int ao, int bo) {
    float[] ap = this.ap;
    float[] bp = this.bp;
    FloatVector zero = FloatVector.zero(S);
    FloatVector x;
    FloatVector c0a = zero, c0b = zero, c1a = zero, c1b = zero, c2a = zero, c2b = zero, c3a = zero, c3b = zero;
    FloatVector c4a = zero, c4b = zero, c5a = zero, c5b = zero, c6a = zero, c6b = zero, c7a = zero, c7b = zero;
    FloatVector c8a = zero, c8b = zero, c9a = zero, c9b = zero, c10a = zero, c10b = zero, c11a = zero, c11b = zero;
    for (int p = 0; p < kc; p++) {
      FloatVector b0 = FloatVector.fromArray(S, bp, bo);
      FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
      x = FloatVector.broadcast(S, ap[ao]);
      c0a = x.fma(b0, c0a);
      c0b = x.fma(b1, c0b);
      x = FloatVector.broadcast(S, ap[ao + 1]);
      c1a = x.fma(b0, c1a);
      c1b = x.fma(b1, c1b);
      x = FloatVector.broadcast(S, ap[ao + 2]);
      c2a = x.fma(b0, c2a);
      c2b = x.fma(b1, c2b);
      x = FloatVector.broadcast(S, ap[ao + 3]);
      c3a = x.fma(b0, c3a);
      c3b = x.fma(b1, c3b);
      x = FloatVector.broadcast(S, ap[ao + 4]);
      c4a = x.fma(b0, c4a);
      c4b = x.fma(b1, c4b);
      x = FloatVector.broadcast(S, ap[ao + 5]);
      c5a = x.fma(b0, c5a);
      c5b = x.fma(b1, c5b);
      x = FloatVector.broadcast(S, ap[ao + 6]);
      c6a = x.fma(b0, c6a);
      c6b = x.fma(b1, c6b);
      x = FloatVector.broadcast(S, ap[ao + 7]);
      c7a = x.fma(b0, c7a);
      c7b = x.fma(b1, c7b);
      x = FloatVector.broadcast(S, ap[ao + 8]);
      c8a = x.fma(b0, c8a);
      c8b = x.fma(b1, c8b);
      x = FloatVector.broadcast(S, ap[ao + 9]);
      c9a = x.fma(b0, c9a);
      c9b = x.fma(b1, c9b);
      x = FloatVector.broadcast(S, ap[ao + 10]);
      c10a = x.fma(b0, c10a);
      c10b = x.fma(b1, c10b);
      x = FloatVector.broadcast(S, ap[ao + 11]);
      c11a = x.fma(b0, c11a);
      c11b = x.fma(b1, c11b);
      ao += MR;
      bo += NR;
    }
    c0a.intoArray(tile, 0 * NR);
    c0b.intoArray(tile, 0 * NR + L);
    c1a.intoArray(tile, 1 * NR);
    c1b.intoArray(tile, 1 * NR + L);
    c2a.intoArray(tile, 2 * NR);
    c2b.intoArray(tile, 2 * NR + L);
    c3a.intoArray(tile, 3 * NR);
    c3b.intoArray(tile, 3 * NR + L);
    c4a.intoArray(tile, 4 * NR);
    c4b.intoArray(tile, 4 * NR + L);
    c5a.intoArray(tile, 5 * NR);
    c5b.intoArray(tile, 5 * NR + L);
    c6a.intoArray(tile, 6 * NR);
    c6b.intoArray(tile, 6 * NR + L);
    c7a.intoArray(tile, 7 * NR);
    c7b.intoArray(tile, 7 * NR + L);
    c8a.intoArray(tile, 8 * NR);
    c8b.intoArray(tile, 8 * NR + L);
    c9a.intoArray(tile, 9 * NR);
    c9b.intoArray(tile, 9 * NR + L);
    c10a.intoArray(tile, 10 * NR);
    c10b.intoArray(tile, 10 * NR + L);
    c11a.intoArray(tile, 11 * NR);
    c11b.intoArray(tile, 11 * NR + L);
  }

  /** C[i0 + r, j0 + j] = alpha tile[r, j] + scale C[i0 + r, j0 + j] (C not read when scale is 0). */
  private void addTile(int i0, int rows, int j0, int cols, float alpha, float scale, float[] c, int cOffset,
      int ldc) {
    for (int r = 0; r < rows; r++) {
      int at = cOffset + (i0 + r) * ldc + j0;
      int t = r * NR;
      if (scale == 0f) {
        for (int j = 0; j < cols; j++) c[at + j] = alpha * tile[t + j];
      } else {
        for (int j = 0; j < cols; j++) c[at + j] = alpha * tile[t + j] + scale * c[at + j];
      }
    }
  }
}
