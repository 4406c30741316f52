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
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.BatchNorm1d;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * JMH: the 784-512-512-10 MLP's loss and a batch norm at batch 128, each forward and
 * forward + backward through the ops and autograd: softmax-cross-entropy (mean over the batch) of
 * {@code [128, 10]} logits, and {@code BatchNorm1d(512)} in training mode on {@code [128, 512]}
 * (batch statistics, running-statistics update, backward through the statistics to the input, γ and β).
 *
 * <p>Run: {@code java -jar deepgrad-bench/target/benchmarks.jar LossNormBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class LossNormBenchmark {
  private Tensor logits;
  private int[] labels;
  private BatchNorm1d norm;
  private Tensor h;
  private Tensor g;

  /** Seeded logits, labels, hidden activations and upstream gradient. */
  @Setup(Level.Trial)
  public void setUp() {
    Rng rng = new Rng(13);
    logits = Tensor.uniform(rng, -2f, 2f, 128, 10).requiresGrad(true);
    labels = new int[128];
    for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(10);
    norm = new BatchNorm1d(512);
    norm.train(true);
    h = Tensor.uniform(rng, 0f, 2f, 128, 512).requiresGrad(true);
    g = Tensor.uniform(rng, -1e-3f, 1e-3f, 128, 512);
  }

  /** Cross-entropy of the logits, mean over the batch (log-softmax and NLL in one op). */
  @Benchmark
  public Tensor crossEntropyForward() {
    return Loss.crossEntropy(logits, labels);
  }

  /** The loss, then {@code backward()}: softmax minus one-hot, over the batch size. */
  @Benchmark
  public Tensor crossEntropyForwardBackward() {
    logits.zeroGrad();
    Autograd.backward(Loss.crossEntropy(logits, labels));
    return logits.grad();
  }

  /** Batch norm in training mode. */
  @Benchmark
  public Tensor batchNormForward() {
    return norm.forward(h);
  }

  /** Batch norm, then {@code backward(g)} to the input, γ and β. */
  @Benchmark
  public Tensor batchNormForwardBackward() {
    h.zeroGrad();
    norm.zeroGrad();
    Autograd.backward(norm.forward(h), g);
    return h.grad();
  }
}
