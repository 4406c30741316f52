package org.deepgrad.bench;

import java.util.concurrent.TimeUnit;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.ops.MatMul;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: 512 x 512 x 512 single-precision products on each backend, as a raw gemm call and through the
 * {@link MatMul#matmul} op (which adds the result allocation and the tape). Time per call; GFLOP/s =
 * 0.268 / (ms per call).
 *
 * <p>Run: {@code java -jar deepgrad-bench/target/benchmarks.jar MatmulBenchmark} (after the package
 * command in {@link GemmFlops}, which also builds that jar).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatmulBenchmark {
  private static final int N = 512;

  /** Backend name, as for {@code -Ddeepgrad.backend}. */
  @Param({"java", "openblas"})
  public String backend;

  /** Threads the backend uses. */
  @Param({"1"})
  public int threads;

  private Backend impl;
  private float[] a;
  private float[] b;
  private float[] c;
  private Tensor ta;
  private Tensor tb;

  /** Picks the backend and fills the operands from a fixed seed. */
  @Setup(Level.Trial)
  public void setUp() {
    impl = Backends.available().stream().filter(x -> x.name().equals(backend)).findFirst()
        .orElseThrow(() -> new IllegalStateException("backend " + backend + " does not load here"));
    impl.setThreads(threads);
    Backends.use(impl);
    Rng rng = new Rng(7);
    ta = Tensor.uniform(rng, -1f, 1f, N, N);
    tb = Tensor.uniform(rng, -1f, 1f, N, N);
    a = ta.data();
    b = tb.data();
    c = new float[N * N];
  }

  /** One gemm call, C = A B. */
  @Benchmark
  public float[] gemm() {
    impl.gemm(false, false, N, N, N, 1f, a, 0, N, b, 0, N, 0f, c, 0, N);
    return c;
  }

  /** The matmul op, result tensor included. */
  @Benchmark
  public Tensor matmul() {
    return MatMul.matmul(ta, tb);
  }
}
