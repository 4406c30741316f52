package org.deepgrad.bench;

import java.util.concurrent.TimeUnit;
import org.deepgrad.autograd.Autograd;
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
 * JMH: the three products of one dense layer of the 784-512-512-10 and 784-[256]x10-10 MLPs at batch
 * 128, transposes
 * folded into the gemm call, as {@code ops/MatMul.linear} issues them (W is {@code [out, in]}):
 * <pre>
 * forward        y  = x · Wᵀ     gemm(N, T)  128 × out × in
 * backwardInput  dx = g · W      gemm(N, N)  128 × in × out
 * backwardWeight dW = gᵀ · x     gemm(T, N)  out × in × 128
 * </pre>
 * each 2·128·in·out FLOP (GFLOP/s = that / time), raw on the backend; and the same layer through
 * the ops-level tensor path: {@code opsForward} ({@code MatMul.linear}, no bias, result allocated
 * and taped) and {@code opsForwardBackward} (that plus {@code backward(g)}, both gradients, as in
 * training). The difference between the last and the three raw products is the tensor path's cost.
 *
 * <p>Backends: {@code openblas} (the library's default; its times include copying the operands into
 * native memory), {@code java} (the pure-Java fallback) and {@code vector} (a Java Vector API kernel on
 * the heap arrays, {@code org.deepgrad.bench.vector}: the forked JVMs add the incubator module).
 *
 * <p>Run: {@code java -jar deepgrad-bench/target/benchmarks.jar MlpMatmulBenchmark} (add
 * {@code -p backend=openblas,vector -p layer=784x512} to pick, {@code -prof gc} for allocation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MlpMatmulBenchmark {
  private static final int BATCH = 128;

  /** The layer, {@code in x out}: the wide MLP's first, middle and last, then the deep one's. */
  @Param({"784x512", "512x512", "512x10", "784x256", "256x256", "256x10"})
  public String layer;

  /** Backend name, as for {@code -Ddeepgrad.backend}. */
  @Param({"openblas", "vector", "java"})
  public String backend;

  private Backend impl;
  private int in;
  private int out;
  private float[] x;
  private float[] w;
  private float[] g;
  private float[] y;
  private float[] dx;
  private float[] dw;
  private Tensor tx;
  private Tensor tw;
  private Tensor tg;

  /** One thread (the backend's threads are a separate question), seeded operands. */
  @Setup(Level.Trial)
  public void setUp() {
    impl = Backends.available().stream().filter(b -> b.name().equals(backend)).findFirst()
        .orElseThrow(() -> new IllegalStateException("backend " + backend + " does not load here"));
    impl.setThreads(1);
    Backends.use(impl);
    String[] dims = layer.split("x");
    in = Integer.parseInt(dims[0]);
    out = Integer.parseInt(dims[1]);
    Rng rng = new Rng(5);
    tx = Tensor.uniform(rng, 0f, 1f, BATCH, in).requiresGrad(true);
    tw = Tensor.uniform(rng, -0.05f, 0.05f, out, in).requiresGrad(true);
    tg = Tensor.uniform(rng, -1e-3f, 1e-3f, BATCH, out);
    x = tx.data();
    w = tw.data();
    g = tg.data();
    y = new float[BATCH * out];
    dx = new float[BATCH * in];
    dw = new float[out * in];
  }

  /** {@code y = x · Wᵀ}. */
  @Benchmark
  public float[] forward() {
    impl.gemm(false, true, BATCH, out, in, 1f, x, 0, in, w, 0, in, 0f, y, 0, out);
    return y;
  }

  /** {@code dx = g · W}. */
  @Benchmark
  public float[] backwardInput() {
    impl.gemm(false, false, BATCH, in, out, 1f, g, 0, out, w, 0, in, 0f, dx, 0, in);
    return dx;
  }

  /** {@code dW = gᵀ · x}. */
  @Benchmark
  public float[] backwardWeight() {
    impl.gemm(true, false, out, in, BATCH, 1f, g, 0, out, x, 0, in, 0f, dw, 0, in);
    return dw;
  }

  /** {@code MatMul.linear(x, W, null)}: the forward product, its result tensor and tape entry. */
  @Benchmark
  public Tensor opsForward() {
    return MatMul.linear(tx, tw, null);
  }

  /** The forward op, then {@code backward(g)}: both gradient products, accumulated into x and W. */
  @Benchmark
  public Tensor opsForwardBackward() {
    tx.zeroGrad();
    tw.zeroGrad();
    Autograd.backward(MatMul.linear(tx, tw, null), tg);
    return tw.grad();
  }
}
