package org.deepgrad.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deepgrad.backend.Gemm;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * OpenBLAS products cut into row blocks over two threads give the bits of the one-threaded product,
 * for every transpose, offsets, row gaps in C and a C read with beta; and threads calling at once
 * (which then find the workers busy) get the same bits too.
 */
class RowBlocksTest {

  /** {m, n, k, aOffset, cOffset, ldc extra}: products of an MLP's training step and odd ones. */
  private static final int[][] SHAPES = {
      {128, 512, 784, 0, 0, 0}, {128, 10, 512, 0, 0, 0}, {512, 784, 128, 0, 0, 0}, {128, 256, 256, 0, 0, 0},
      {67, 300, 129, 5, 3, 7}, {33, 1000, 64, 1, 0, 2}, {256, 64, 200, 0, 0, 0}, {1024, 100, 100, 0, 0, 0},
      {100, 512, 784, 0, 0, 0}, {128, 300, 320, 0, 0, 0}, {128, 320, 300, 0, 0, 0},
  };

  @Test
  void partsFollowTheWork() {
    assertEquals(1, RowBlocks.parts(1, 1024, 1024, 1024), "one thread");
    assertEquals(2, RowBlocks.parts(2, 1024, 1024, 1024), "large product");
    assertEquals(1, RowBlocks.parts(2, 2 * RowBlocks.ALIGN - 1, 4096, 4096), "fewer rows than two blocks need");
    assertEquals(1, RowBlocks.parts(2, 128, 10, 512), "too little work");
    assertEquals(1, RowBlocks.parts(2, 200, 100, 100), "a block would fall under the small-matrix size");
  }

  @Test
  void blocksStartOnWholeUnitsAndCoverEveryRow() {
    for (int m : new int[] {24, 128, 130, 1000}) {
      for (int parts = 1; parts <= Math.min(4, m / RowBlocks.ALIGN); parts++) {
        assertEquals(0, RowBlocks.start(m, 0, parts));
        assertEquals(m, RowBlocks.start(m, parts, parts));
        for (int p = 1; p < parts; p++) {
          int from = RowBlocks.start(m, p, parts);
          assertEquals(0, from % RowBlocks.ALIGN, m + " rows, block " + p + " of " + parts);
          assertTrue(from > RowBlocks.start(m, p - 1, parts), "empty block " + (p - 1) + " of " + parts);
        }
      }
    }
    assertEquals(60, RowBlocks.start(128, 1, 2), "a batch of 128 splits 60 + 68");
  }

  @Test
  void twoThreadsGiveTheBitsOfOne() {
    Rng rng = new Rng(5);
    for (int[] s : SHAPES) {
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          for (float beta : new float[] {0f, 0.5f}) {
            for (float alpha : new float[] {0.75f, 1f}) { // alpha 1, beta 0, no transposes: OpenBLAS's direct kernels
              Product p = new Product(rng, s, transA, transB, alpha, beta);
              assertArrayEquals(p.compute(1), p.compute(2), p.toString());
            }
          }
        }
      }
    }
  }

  /**
   * A layer's two backward products (dx = g·W, dW = gᵀ·x; alpha 1 and beta 0 as the layers call them) run as
   * a pair on 1, 2 and 3 threads give the bits of each run alone on one thread.
   */
  @Test
  void pairsGiveTheBitsOfEachProductAlone() {
    Rng rng = new Rng(6);
    int[][] layers = {{128, 512, 512}, {128, 512, 10}, {128, 256, 256}, {100, 300, 320}, {24, 784, 512}};
    for (int[] l : layers) {
      int rows = l[0];
      int in = l[1];
      int out = l[2];
      float[] g = uniform(rng, rows * out);
      float[] w = uniform(rng, out * in);
      float[] x = uniform(rng, rows * in);
      OpenBlasBackend one = new OpenBlasBackend();
      one.setThreads(1);
      float[] dx = new float[rows * in];
      float[] dw = new float[out * in];
      one.gemm(false, false, rows, in, out, 1f, g, 0, out, w, 0, in, 0f, dx, 0, in);
      one.gemm(true, false, out, in, rows, 1f, g, 0, out, x, 0, in, 0f, dw, 0, in);
      for (int threads = 1; threads <= 3; threads++) {
        OpenBlasBackend backend = new OpenBlasBackend();
        backend.setThreads(threads);
        float[] pdx = new float[rows * in];
        float[] pdw = new float[out * in];
        backend.gemmPair(new Gemm().set(false, false, rows, in, out, 1f, g, 0, out, w, 0, in, 0f, pdx, 0, in),
            new Gemm().set(true, false, out, in, rows, 1f, g, 0, out, x, 0, in, 0f, pdw, 0, in));
        String name = rows + "x" + in + "x" + out + ", " + threads + " threads";
        assertArrayEquals(dx, pdx, "dx, " + name);
        assertArrayEquals(dw, pdw, "dW, " + name);
      }
    }
  }

  @Test
  void aPairChecksBothProductsBeforeWritingEither() {
    OpenBlasBackend backend = new OpenBlasBackend();
    backend.setThreads(2);
    float[] c = new float[4];
    Gemm good = new Gemm().set(false, false, 2, 2, 2, 1f, new float[4], 0, 2, new float[4], 0, 2, 0f, c, 0, 2);
    Gemm bad = new Gemm().set(false, false, 2, 2, 2, 1f, new float[3], 0, 2, new float[4], 0, 2, 0f, new float[4], 0, 2);
    java.util.Arrays.fill(c, 7f);
    assertThrows(IndexOutOfBoundsException.class, () -> backend.gemmPair(good, bad));
    assertArrayEquals(new float[] {7f, 7f, 7f, 7f}, c, "the first product ran before the second was checked");
  }

  @Test
  void concurrentCallersGetTheSameBits() throws Exception {
    Product p = new Product(new Rng(8), SHAPES[0], false, true, 0.75f, 0f);
    float[] want = p.compute(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int i = 0; i < 12; i++) results.add(pool.submit(() -> p.compute(2)));
      for (Future<float[]> f : results) assertArrayEquals(want, f.get());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One product's operands, with C's gaps and the area before its offset filled with sentinels. */
  private static final class Product {
    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final int aOffset;
    final int cOffset;
    final int lda;
    final int ldb;
    final int ldc;
    final float alpha;
    final float beta;
    final float[] a;
    final float[] b;
    final float[] c0;

    Product(Rng rng, int[] s, boolean transA, boolean transB, float alpha, float beta) {
      this.transA = transA;
      this.transB = transB;
      m = s[0];
      n = s[1];
      k = s[2];
      aOffset = s[3];
      cOffset = s[4];
      lda = transA ? m : k;
      ldb = transB ? k : n;
      ldc = n + s[5];
      this.alpha = alpha;
      this.beta = beta;
      a = uniform(rng, aOffset + (transA ? k : m) * lda);
      b = uniform(rng, (transB ? n : k) * ldb);
      c0 = uniform(rng, cOffset + m * ldc);
    }

    float[] compute(int threads) {
      OpenBlasBackend backend = new OpenBlasBackend();
      backend.setThreads(threads);
      float[] c = c0.clone();
      backend.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, 0, ldb, beta, c, cOffset, ldc);
      return c;
    }

    @Override
    public String toString() {
      return m + "x" + n + "x" + k + " transA=" + transA + " transB=" + transB + " alpha=" + alpha + " beta=" + beta + " ldc=" + ldc;
    }
  }

  private static float[] uniform(Rng rng, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) rng.uniform(-1, 1);
    return x;
  }
}
