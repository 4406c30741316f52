package org.deepgrad.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * The foreign-function route exactly where the JVM has it (Java 22+), and it gives the bits of the
 * copying route, offsets and row gaps included.
 */
class HeapSgemmTest {

  @Test
  void boundExactlyFromJava22On() {
    new OpenBlasBackend(); // loads the library
    assertEquals(Runtime.version().feature() >= 22, HeapSgemm.SGEMM != null);
  }

  @Test
  void givesTheBitsOfACopiedCall() throws Throwable {
    new OpenBlasBackend();
    assumeTrue(HeapSgemm.SGEMM != null, "Java " + Runtime.version().feature() + " cannot pass heap arrays");
    Rng rng = new Rng(9);
    int m = 67;
    int n = 130;
    int k = 300;
    int lda = k + 3;
    int ldb = k;
    int ldc = n + 5;
    float[] a = uniform(rng, 7 + m * lda);
    float[] b = uniform(rng, n * ldb);
    float[] c = uniform(rng, 2 + m * ldc);
    float[] copied = c.clone();
    try (FloatPointer pa = new FloatPointer(a); FloatPointer pb = new FloatPointer(b);
        FloatPointer pc = new FloatPointer(copied)) {
      openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
          openblas_nolapack.CblasTrans, m, n, k, 0.5f, pa.position(7), lda, pb, ldb, 0.25f, pc.position(2), ldc);
      pc.position(0).get(copied);
    }
    HeapSgemm.Segments segments = HeapSgemm.Segments.ofThisThread();
    HeapSgemm.SGEMM.invokeExact(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
        openblas_nolapack.CblasTrans, m, n, k, 0.5f, segments.of(a, 7), lda, segments.of(b, 0), ldb, 0.25f,
        segments.of(c, 2), ldc);
    assertArrayEquals(copied, c);
  }

  /** Each (array, offset) gets one segment, made once, so that calls after the first allocate nothing. */
  @Test
  void segmentsAreMadeOncePerArrayAndOffset() {
    new OpenBlasBackend();
    assumeTrue(HeapSgemm.SGEMM != null, "Java " + Runtime.version().feature() + " cannot pass heap arrays");
    HeapSgemm.Segments segments = HeapSgemm.Segments.ofThisThread();
    float[] x = new float[10];
    float[] y = new float[10];
    Object x3 = segments.of(x, 3);
    assertSame(x3, segments.of(x, 3));
    assertNotSame(x3, segments.of(x, 4));
    assertNotSame(x3, segments.of(y, 3));
    assertSame(x3, segments.of(x, 3));
  }

  private static float[] uniform(Rng rng, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) rng.uniform(-1, 1);
    return x;
  }
}
