package org.deepgrad.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.OptimizerRegistry;
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
 * JMH: one {@link Optimizer#step()} over 1M parameters (a {@code [1024, 1024]} weight, which keeps
 * its gradient between steps), built by name through {@link OptimizerRegistry} with the usual
 * hyper-parameters. ns per parameter = µs per op / 1.05. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the garbage one step leaves.
 *
 * <p>Run: {@code java -jar deepgrad-bench/target/benchmarks.jar OptimizerBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OptimizerBenchmark {
  private static final int ROWS = 1024;
  private static final int COLS = 1024;

  /** The preset and its hyper-parameters: adam, adamw, sgd (plain) or momentum (SGD, μ = 0.9). */
  @Param({"adam", "adamw", "sgd", "momentum"})
  public String optimizer;

  private Optimizer opt;

  /** A seeded weight and gradient, and the optimizer over them. */
  @Setup(Level.Trial)
  public void setUp() {
    Rng rng = new Rng(3);
    Parameter w = new Parameter(Tensor.uniform(rng, -0.05f, 0.05f, ROWS, COLS), Parameter.Role.WEIGHT);
    w.value().accumulateGrad(Tensor.uniform(rng, -1e-2f, 1e-2f, ROWS, COLS));
    Map<String, Parameter> params = new LinkedHashMap<>();
    params.put("weight", w);
    opt = switch (optimizer) {
      case "adam" -> OptimizerRegistry.create("adam", Map.of("lr", 1e-3), params);
      case "adamw" -> OptimizerRegistry.create("adamw", Map.of("lr", 1e-3, "weight_decay", 1e-2), params);
      case "sgd" -> OptimizerRegistry.create("sgd", Map.of("lr", 1e-2), params);
      case "momentum" -> OptimizerRegistry.create("sgd", Map.of("lr", 1e-2, "momentum", 0.9), params);
      default -> throw new IllegalArgumentException("optimizer " + optimizer + "; use one of "
          + List.of("adam", "adamw", "sgd", "momentum"));
    };
  }

  /** One update of the 1M parameters. */
  @Benchmark
  public long step() {
    opt.step();
    return opt.steps();
  }
}
