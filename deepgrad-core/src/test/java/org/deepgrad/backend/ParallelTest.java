package org.deepgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ParallelTest {

  /** Each part fills its own slice of an array with its index, many times in a row. */
  @Test
  void everyPartRunsOnceWithItsIndex() {
    for (int parts = 1; parts <= 4; parts++) {
      int[] out = new int[1000];
      for (int round = 0; round < 2000; round++) {
        int r = round;
        int n = parts;
        Parallel.run(parts, (p, ps) -> {
          assertEquals(n, ps);
          for (int i = out.length * p / ps; i < out.length * (p + 1) / ps; i++) out[i] = r * 10 + p;
        });
        for (int p = 0, i = 0; p < parts; p++) {
          for (; i < out.length * (p + 1) / parts; i++) assertEquals(r * 10 + p, out[i], "round " + r + ", element " + i);
        }
      }
    }
  }

  @Test
  void aWorkersFailureReachesTheCaller() {
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException got = assertThrows(IllegalStateException.class, () -> Parallel.run(2, (p, ps) -> {
      if (p == 1) throw boom;
    }));
    assertSame(boom, got);
    int[] after = new int[2];
    Parallel.run(2, (p, ps) -> after[p] = p + 1); // the workers are free again
    assertArrayEquals(new int[] {1, 2}, after);
  }

  @Test
  void theCallersFailureWaitsForTheOthers() {
    int[] done = new int[2];
    assertThrows(ArithmeticException.class, () -> Parallel.run(2, (p, ps) -> {
      if (p == 0) throw new ArithmeticException();
      done[p] = 1;
    }));
    assertEquals(1, done[1]);
  }

  @Test
  void nestedCallsRunOnTheCallingThread() {
    long[] sums = new long[4];
    Parallel.run(2, (p, ps) -> Parallel.run(2, (q, qs) -> sums[p * 2 + q] = Thread.currentThread().getId()));
    assertEquals(sums[0], sums[1], "the inner parts of part 0 ran on one thread");
    assertEquals(sums[2], sums[3], "the inner parts of part 1 ran on one thread");
  }

  @Test
  void everyPieceKnowsItRunsInATaskAndNothingElseDoes() throws Exception {
    assertFalse(Parallel.inTask());
    boolean[] inside = new boolean[4];
    Parallel.run(4, (p, ps) -> inside[p] = Parallel.inTask());
    assertArrayEquals(new boolean[] {true, true, true, true}, inside);
    assertFalse(Parallel.inTask(), "after the task");
    Parallel.run(1, (p, ps) -> inside[0] = Parallel.inTask());
    assertFalse(inside[0], "a task of one piece is the caller's own work, which may be split");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try { // a caller that finds the workers busy runs its pieces itself, still inside the task
      Parallel.run(2, (p, ps) -> {
        if (p == 0) {
          try {
            inside[2] = pool.submit(() -> {
              boolean[] seen = new boolean[2];
              Parallel.run(2, (q, qs) -> seen[q] = Parallel.inTask());
              return seen[0] && seen[1] && !Parallel.inTask();
            }).get();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      });
    } finally {
      pool.shutdownNow();
    }
    assertTrue(inside[2]);
  }

  @Test
  void concurrentCallersEachGetAllTheirParts() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          long[] out = new long[3];
          for (int round = 0; round < 500; round++) Parallel.run(3, (p, ps) -> out[p]++);
          return out;
        }));
      }
      for (Future<long[]> f : results) assertArrayEquals(new long[] {500, 500, 500}, f.get());
    } finally {
      pool.shutdownNow();
    }
  }
}
