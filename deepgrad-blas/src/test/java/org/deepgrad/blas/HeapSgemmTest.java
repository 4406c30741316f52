package org.deepgrad.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    HeapSgemm.SGEMM.invokeExact(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
        openblas_nolapack.CblasTrans, m, n, k, 0.5f, a, 7, lda, b, 0, ldb, 0.25f, c, 2, ldc);
    assertArrayEquals(copied, c);
  }

  private static float[] uniform(Rng rng, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) rng.uniform(-1, 1);
    return x;
  }
}
