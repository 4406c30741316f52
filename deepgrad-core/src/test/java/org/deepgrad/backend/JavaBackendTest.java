package org.deepgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

class JavaBackendTest {

  private static JavaBackend backend(int threads) {
    JavaBackend b = new JavaBackend();
    b.setThreads(threads);
    return b;
  }

  @Test
  void gemmMatchesDoubleReferenceSingleThreaded() {
    List<GemmCases.Case> cases = GemmCases.all(11);
    for (int i = 0; i < cases.size(); i++) GemmCases.check(backend(1), cases.get(i), 100 + i);
  }

  @Test
  void gemmMatchesDoubleReferenceOnThreeThreads() {
    List<GemmCases.Case> cases = GemmCases.all(12);
    for (int i = 0; i < cases.size(); i++) GemmCases.check(backend(3), cases.get(i), 200 + i);
  }

  @Test
  void everyThreadCountGivesBitIdenticalResults() {
    // Tall (split by rows) and wide (split by columns), big enough to run in parallel, with k tails.
    GemmCases.Case tall = new GemmCases.Case(false, true, 301, 67, 131, 1f, 0f, 0, 0, false);
    GemmCases.Case wide = new GemmCases.Case(true, false, 45, 700, 77, 0.5f, 1f, 2, 3, false);
    for (GemmCases.Case c : List.of(tall, wide)) {
      assertTrue((long) c.m() * c.n() * c.k() >= JavaBackend.PARALLEL_WORK, "the case must run in parallel");
      float[] one = GemmCases.check(backend(1), c, 5);
      for (int threads = 2; threads <= 5; threads++) {
        assertArrayEquals(one, GemmCases.check(backend(threads), c, 5), c + " on " + threads + " threads");
      }
      assertArrayEquals(one, GemmCases.check(backend(1), c, 5), c + " repeated");
    }
  }

  @Test
  void alphaZeroScalesCWithoutReadingAOrB() {
    float[] a = {Float.NaN, Float.POSITIVE_INFINITY};
    float[] b = {Float.NaN, 1f};
    float[] c = {2f};
    backend(1).gemm(false, false, 1, 1, 2, 0f, a, 0, 2, b, 0, 1, 3f, c, 0, 1);
    assertEquals(6f, c[0]);
  }

  @Test
  void badArgumentsFailBeforeWritingC() {
    JavaBackend b = backend(1);
    float[] x = new float[12];
    float[] c = {1f, 2f, 3f, 4f};
    assertThrows(IllegalArgumentException.class, () -> b.gemm(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, c, 0, 2));
    IllegalArgumentException lda = assertThrows(IllegalArgumentException.class,
        () -> b.gemm(false, false, 2, 2, 3, 1f, x, 0, 2, x, 0, 2, 0f, c, 0, 2));
    assertTrue(lda.getMessage().contains("lda=2"), lda.getMessage());
    IndexOutOfBoundsException shortC = assertThrows(IndexOutOfBoundsException.class,
        () -> b.gemm(false, false, 2, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, c, 1, 2));
    assertTrue(shortC.getMessage().contains("C (2 x 2, offset 1"), shortC.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> b.gemm(true, true, 2, 2, 3, 1f, x, 11, 2, x, 0, 3, 0f, c, 0, 2));
    assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, c);
  }

  @Test
  void threadsMustBePositive() {
    JavaBackend b = new JavaBackend();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.setThreads(0));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    b.setThreads(4);
    assertEquals(4, b.threads());
  }

  @Test
  void concurrentCallersShareThePool() throws InterruptedException {
    GemmCases.Case c = new GemmCases.Case(false, false, 200, 150, 90, 1f, 0f, 0, 0, false);
    float[] expected = GemmCases.check(backend(1), c, 9);
    float[][] got = new float[4][];
    Thread[] callers = new Thread[got.length];
    for (int t = 0; t < callers.length; t++) {
      int slot = t;
      callers[t] = new Thread(() -> got[slot] = GemmCases.check(backend(3), c, 9));
      callers[t].start();
    }
    for (Thread t : callers) t.join();
    for (float[] g : got) assertArrayEquals(expected, g);
  }
}
