package org.deepgrad.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.deepgrad.backend.CpuInfo;

/**
 * This processor's single-precision fused multiply-add peak, measured: each thread runs
 * {@value #CHAINS} independent chains of vector FMAs ({@code c = c·a + b}, the widest vectors the JIT
 * offers) on registers only, enough chains to cover the FMA units' latency, so the loop is bound by
 * their throughput alone. GFLOP/s = 2 FLOP × lanes × chains × iterations / time, per thread, with 1 to
 * {@code processors} threads running at once (a second thread on a sibling hyper-thread would share
 * the first one's FMA units; on separate cores it doubles the total). The best of {@value #REPS} runs.
 * It is the ceiling against which docs/performance.md states each product's and each step's share.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp "deepgrad-bench/target/classes:$(cat
 * deepgrad-bench/target/classpath.txt)" org.deepgrad.bench.FmaPeak}
 */
public final class FmaPeak {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int CHAINS = 12;
  private static final long ITERATIONS = 100_000_000L;
  private static final int REPS = 5;

  private FmaPeak() {}

  /** Entry point; prints GFLOP/s per thread and in all for 1 to {@code processors} threads. */
  public static void main(String[] args) throws InterruptedException {
    int processors = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "FP32 FMA peak, %d-bit vectors (%d lanes), %d chains; %s; load average %.2f%n",
        SPECIES.vectorBitSize(), SPECIES.length(), CHAINS, CpuInfo.describe(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    chains(ITERATIONS / 100, 1f); // compiles the loop before timing
    for (int threads = 1; threads <= processors; threads++) {
      double[] best = new double[threads];
      for (int rep = 0; rep < REPS; rep++) {
        double[] g = run(threads);
        for (int t = 0; t < threads; t++) best[t] = Math.max(best[t], g[t]);
      }
      System.out.printf(Locale.ROOT, "%d thread%s: %.1f GFLOP/s in all, per thread %s%n", threads,
          threads == 1 ? "" : "s", Arrays.stream(best).sum(), Arrays.toString(round(best)));
    }
  }

  /** GFLOP/s of each of {@code threads} threads running the chains at once. */
  private static double[] run(int threads) throws InterruptedException {
    double[] gflops = new double[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] = new Thread(() -> {
        long start = System.nanoTime();
        float sink = chains(ITERATIONS, id + 1);
        long ns = System.nanoTime() - start;
        gflops[id] = 2.0 * SPECIES.length() * CHAINS * ITERATIONS / ns + (sink == 0.123f ? 1e-9 : 0);
      });
    }
    for (Thread w : workers) w.start();
    for (Thread w : workers) w.join();
    return gflops;
  }

  /** {@value #CHAINS} independent FMA chains; returns their sum so the JIT keeps them. */
  private static float chains(long iterations, float seed) {
    FloatVector a = FloatVector.broadcast(SPECIES, 0.999f);
    FloatVector b = FloatVector.broadcast(SPECIES, 1e-4f);
    FloatVector c0 = FloatVector.broadcast(SPECIES, seed);
    FloatVector c1 = c0.add(1f), c2 = c0.add(2f), c3 = c0.add(3f), c4 = c0.add(4f), c5 = c0.add(5f);
    FloatVector c6 = c0.add(6f), c7 = c0.add(7f), c8 = c0.add(8f), c9 = c0.add(9f), c10 = c0.add(10f), c11 = c0.add(11f);
    for (long i = 0; i < iterations; i++) {
      c0 = c0.fma(a, b);
      c1 = c1.fma(a, b);
      c2 = c2.fma(a, b);
      c3 = c3.fma(a, b);
      c4 = c4.fma(a, b);
      c5 = c5.fma(a, b);
      c6 = c6.fma(a, b);
      c7 = c7.fma(a, b);
      c8 = c8.fma(a, b);
      c9 = c9.fma(a, b);
      c10 = c10.fma(a, b);
      c11 = c11.fma(a, b);
    }
    FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11);
    return sum.reduceLanes(VectorOperators.ADD);
  }

  private static double[] round(double[] x) {
    return Arrays.stream(x).map(v -> Math.round(v * 10) / 10.0).toArray();
  }
}
