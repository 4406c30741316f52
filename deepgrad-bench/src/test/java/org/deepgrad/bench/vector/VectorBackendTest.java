package org.deepgrad.bench.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.backend.GemmCases;
import org.junit.jupiter.api.Test;

/**
 * The vector backend computes what every backend must (GemmCases' double-precision reference), on one
 * thread and on two, including products whose k spans several packed slices and whose C is cut by
 * rows or by columns; without the incubator module it is reported unavailable, not chosen.
 */
class VectorBackendTest {
  private static Backend vector() {
    return Backends.available().stream().filter(b -> b.name().equals("vector")).findFirst()
        .orElseThrow(() -> new AssertionError("vector backend did not load (surefire adds jdk.incubator.vector)"));
  }

  @Test
  void gemmMatchesDoubleReference() {
    Backend backend = vector();
    List<GemmCases.Case> cases = new ArrayList<>(GemmCases.all(31));
    for (int t = 0; t < 4; t++) {
      boolean ta = (t & 1) != 0;
      boolean tb = (t & 2) != 0;
      // k past two packed slices; C long (split by rows) and wide (split by columns); MR and NR tails.
      cases.add(new GemmCases.Case(ta, tb, 130, 70, 600, 1f, 0f, 0, 0, false));
      cases.add(new GemmCases.Case(ta, tb, 40, 300, 520, -0.5f, 1f, 3, 2, false));
      cases.add(new GemmCases.Case(ta, tb, 128, 512, 300, 1f, 0f, 0, 0, true));
    }
    for (int threads : new int[] {1, 2}) {
      backend.setThreads(threads);
      for (int i = 0; i < cases.size(); i++) GemmCases.check(backend, cases.get(i), 500 + i);
    }
  }

  @Test
  void neverTheDefault() {
    assertTrue(new VectorBackendProvider().priority() < 0);
    assertEquals("vector", vector().name());
    if (System.getProperty("deepgrad.backend") == null) assertTrue(!Backends.current().name().equals("vector"));
  }
}
