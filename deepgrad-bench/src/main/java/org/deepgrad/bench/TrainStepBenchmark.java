package org.deepgrad.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.data.Dataset;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.Objective;
import org.deepgrad.train.TrainStep;
import org.deepgrad.train.TrainerSettings;
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
 * JMH: the cost of autograd. One training step of the 784-512-512-10 ReLU MLP at batch 128 on
 * synthetic MNIST-shaped data, two ways on the same backend (one thread):
 * <ul>
 *   <li>{@code autograd}: the library as a user drives it: {@code zeroGrad}, model forward,
 *       cross-entropy, {@code Autograd.backward}, {@code Optimizer.step()};
 *   <li>{@code trainStep}: what {@code Trainer} runs, core's {@code TrainStep}: the model's
 *       allocation-free buffered passes ({@code BufferedPass}) and buffered loss (bit-identical to the tape), plus the finite
 *       checks and the gradient norm;
 *   <li>{@code handWritten}: the same products by direct gemm calls, bias, ReLU and softmax-cross-entropy
 *       in plain loops, every buffer preallocated ({@link HandMlp}), and the same one-pass optimizer
 *       steps ({@code Chain.fused()}).
 * </ul>
 * Both compute the same gradients (the 411 MFLOP of products per step); the difference is the
 * tensor path: result and gradient allocation, the tape, the separate element-wise passes. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the garbage per step. The set-up checks that one
 * step of each from the same weights on the same batch gives the same loss and gradients.
 *
 * <p>Run: {@code java -jar deepgrad-bench/target/benchmarks.jar TrainStepBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TrainStepBenchmark {
  static final int BATCH = 128;
  static final int BATCHES = 16;

  /** sgd (lr 0.01) or adam (lr 1e-3). */
  @Param({"sgd", "adam"})
  public String optimizer;

  /** Backend name, as for {@code -Ddeepgrad.backend}. */
  @Param({"openblas"})
  public String backend;

  private Sequential model;
  private Optimizer opt;
  private HandMlp hand;
  private TrainStep<Dataset> trainStep;
  private final Dataset[] batches = new Dataset[BATCHES];
  private long steps;
  private final Tensor[] inputs = new Tensor[BATCHES];
  private final int[][] labels = new int[BATCHES][];
  private int next;

  /** The model, its optimizer, the hand-written twin (same initial weights) and 16 seeded batches. */
  @Setup(Level.Trial)
  public void setUp() {
    Backend impl = Backends.available().stream().filter(b -> b.name().equals(backend)).findFirst()
        .orElseThrow(() -> new IllegalStateException("backend " + backend + " does not load here"));
    impl.setThreads(1);
    Backends.use(impl);
    model = ModelSpec.mlp(784, new int[] {512, 512}, 10, "relu", null, false, 0, false).build(new Rng(1));
    model.train(true);
    double lr = optimizer.equals("adam") ? 1e-3 : 1e-2;
    opt = OptimizerRegistry.create(optimizer, Map.of("lr", lr), model.namedParameters());
    List<Parameter> params = model.parameters();
    float[][] weights = new float[params.size()][];
    for (int i = 0; i < weights.length; i++) weights[i] = params.get(i).value().data().clone();
    hand = new HandMlp(new int[] {784, 512, 512, 10}, BATCH, weights, optimizer, lr);
    Rng rng = new Rng(2);
    for (int b = 0; b < BATCHES; b++) {
      float[] x = new float[BATCH * 784];
      for (int j = 0; j < x.length; j++) x[j] = rng.nextFloat();
      inputs[b] = Tensor.of(x, BATCH, 784);
      labels[b] = new int[BATCH];
      for (int j = 0; j < BATCH; j++) labels[b][j] = rng.nextInt(10);
      batches[b] = new Dataset(inputs[b], labels[b], 10);
    }
    Sequential same = ModelSpec.mlp(784, new int[] {512, 512}, 10, "relu", null, false, 0, false).build(new Rng(1));
    trainStep = new TrainStep<>(same, Objective.classification(),
        OptimizerRegistry.create(optimizer, Map.of("lr", lr), same.namedParameters()), TrainerSettings.defaults());
    checkSameStep(params);
  }

  /** One step of each on batch 0 must give the same loss and gradients: both really do the same work. */
  private void checkSameStep(List<Parameter> params) {
    float viaAutograd = autograd();
    next = 0;
    float byHand = handWritten();
    if (Math.abs(viaAutograd - byHand) > 1e-5 * Math.abs(viaAutograd)) {
      throw new IllegalStateException("losses differ: autograd " + viaAutograd + ", by hand " + byHand);
    }
    for (int i = 0; i < params.size(); i++) {
      float[] a = params.get(i).grad().data();
      float[] h = hand.grad(i);
      float scale = 0;
      for (float v : a) scale = Math.max(scale, Math.abs(v));
      for (int j = 0; j < a.length; j++) {
        if (Math.abs(a[j] - h[j]) > 1e-4 * scale) { // gemm sums in another order: compare to the largest
          throw new IllegalStateException("gradient of parameter " + i + "[" + j + "] is " + a[j]
              + " by autograd and " + h[j] + " by hand");
        }
      }
    }
  }

  /** One step through the library's autograd; returns the loss. */
  @Benchmark
  public float autograd() {
    int b = next++ & (BATCHES - 1);
    opt.zeroGrad();
    Tensor loss = Loss.crossEntropy(model.forward(inputs[b]), labels[b]);
    Autograd.backward(loss);
    opt.step();
    return loss.item();
  }

  /**
   * The step {@code Trainer} takes ({@link TrainStep}): the model's buffered passes on reused buffers, the
   * buffered loss, plus the trainer's finite checks and gradient norm; returns the loss.
   */
  @Benchmark
  public double trainStep() {
    int b = next++ & (BATCHES - 1);
    return trainStep.run(batches[b], ++steps).loss();
  }

  /** The same step written out by hand; returns the loss. */
  @Benchmark
  public float handWritten() {
    int b = next++ & (BATCHES - 1);
    return hand.step(inputs[b].data(), labels[b]);
  }
}
