package org.deepgrad.bench;

import java.util.concurrent.TimeUnit;
import org.deepgrad.autograd.Autograd;
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
import org.deepgrad.ops.Activations;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * JMH: element-wise activations on a {@code [128, 512]} hidden layer (the 784-512-512-10 MLP's, at
 * batch 128) through the ops: {@code forward} (result and tape entry, the input requiring a
 * gradient as in training) and {@code forwardBackward} (that plus {@code backward(g)} into the
 * input's fresh gradient). 65,536 elements: ns per element = µs per op × 1000 / 65,536.
 *
 * <p>Run: {@code java -jar deepgrad-bench/target/benchmarks.jar ActivationBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ActivationBenchmark {

  /** The activation (torch's names; gelu is the exact, erf form). */
  @Param({"relu", "sigmoid", "tanh", "gelu"})
  public String activation;

  private Tensor x;
  private Tensor g;

  /** Seeded input in [-3, 3) and upstream gradient. */
  @Setup(Level.Trial)
  public void setUp() {
    Rng rng = new Rng(9);
    x = Tensor.uniform(rng, -3f, 3f, 128, 512).requiresGrad(true);
    g = Tensor.uniform(rng, -1e-3f, 1e-3f, 128, 512);
  }

  /** The activation's result, taped. */
  @Benchmark
  public Tensor forward() {
    return apply(x);
  }

  /** Forward, then the backward rule into a fresh gradient of the input. */
  @Benchmark
  public Tensor forwardBackward() {
    x.zeroGrad();
    Autograd.backward(apply(x), g);
    return x.grad();
  }

  private Tensor apply(Tensor t) {
    return switch (activation) {
      case "relu" -> Activations.relu(t);
      case "sigmoid" -> Activations.sigmoid(t);
      case "tanh" -> Activations.tanh(t);
      case "gelu" -> Activations.gelu(t);
      default -> throw new IllegalArgumentException("activation " + activation + "; use relu, sigmoid, tanh or gelu");
    };
  }
}
