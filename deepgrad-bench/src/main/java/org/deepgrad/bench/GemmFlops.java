package org.deepgrad.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.tensor.Rng;

/**
 * Prints single-precision gemm speed, {@code C = A B} for square n x n matrices (default n = 512),
 * for every backend that loads here and 1 and 2 threads: GFLOP/s = 2 n^3 / time, the median of
 * {@value #REPS} timed calls after a warm-up of at least {@value #WARMUP_MS} ms (so the JIT has compiled
 * the Java kernel and OpenBLAS has started its threads).
 *
 * <p>Run: {@code ./mvnw -q -o -pl deepgrad-bench -am package -DskipTests && java --add-modules
 * jdk.incubator.vector -cp "deepgrad-bench/target/classes:$(cat deepgrad-bench/target/classpath.txt)"
 * org.deepgrad.bench.GemmFlops} (optional argument: n; without {@code --add-modules} the vector
 * backend is reported unavailable and left out).
 */
public final class GemmFlops {
  private static final int REPS = 21;
  private static final long WARMUP_MS = 1500;

  private GemmFlops() {}

  /** Entry point; {@code args[0]} is the matrix size n (default 512). */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 512;
    Rng rng = new Rng(42);
    float[] a = new float[n * n];
    float[] b = new float[n * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rng.uniform(-1, 1);
      b[i] = (float) rng.uniform(-1, 1);
    }
    float[] c = new float[n * n];
    // Multi-threaded figures need idle cores (OpenBLAS's spinning threads suffer most): print the load.
    System.out.printf(Locale.ROOT, "sgemm %dx%dx%d, Java %s, %d processors (load average %.2f), default backend: %s%n",
        n, n, n, Runtime.version(), Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Backends.current().name());
    System.out.printf(Locale.ROOT, "%-10s %7s %10s %10s %10s%n", "backend", "threads", "GFLOP/s", "min", "max");
    for (Backend backend : Backends.available()) {
      for (int threads = 1; threads <= 2; threads++) {
        backend.setThreads(threads);
        double[] gflops = time(backend, n, a, b, c);
        System.out.printf(Locale.ROOT, "%-10s %7d %10.1f %10.1f %10.1f%n", backend.name(), threads,
            gflops[REPS / 2], gflops[0], gflops[REPS - 1]);
      }
    }
  }

  /** GFLOP/s of each timed call, sorted. */
  private static double[] time(Backend backend, int n, float[] a, float[] b, float[] c) {
    long warmEnd = System.nanoTime() + WARMUP_MS * 1_000_000;
    for (int i = 0; i < 5 || System.nanoTime() < warmEnd; i++) call(backend, n, a, b, c);
    double[] gflops = new double[REPS];
    for (int r = 0; r < REPS; r++) {
      long t0 = System.nanoTime();
      call(backend, n, a, b, c);
      gflops[r] = 2.0 * n * n * n / (System.nanoTime() - t0);
    }
    Arrays.sort(gflops);
    return gflops;
  }

  private static void call(Backend backend, int n, float[] a, float[] b, float[] c) {
    backend.gemm(false, false, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
  }
}
