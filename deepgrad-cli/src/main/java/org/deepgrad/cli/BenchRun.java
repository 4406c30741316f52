package org.deepgrad.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * The timed part of {@code bench}: a model, an optimizer and {@link #BATCHES} synthetic batches
 * (uniform [0, 1) features and uniform labels, seeded, made before timing), then warm-up steps and
 * timed windows of training steps cycling through the batches.
 *
 * <p>A step is core's {@code train.TrainStep} as {@code Trainer} runs it with no listeners, no L2,
 * no clipping (that class is package-private, so it is repeated here): zero the gradients, forward,
 * cross-entropy, check the loss is finite, backward, check every gradient is finite while summing
 * its squares (the gradient norm Trainer reports), optimizer step. Trainer's loader (a row gather
 * per batch) and metrics are left out: they are data handling, not the training step.
 */
final class BenchRun {
  /** Distinct batches cycled through, so the data is not one batch in cache. */
  static final int BATCHES = 16;

  /** Seconds and heap bytes allocated (all threads) of one timed window. */
  record Window(double seconds, long allocatedBytes) {}

  private final Sequential model;
  private final Optimizer optimizer;
  private final List<Parameter> params;
  private final List<Tensor> inputs = new ArrayList<>();
  private final List<int[]> labels = new ArrayList<>();
  private long step;

  BenchRun(BenchModel m, String activation, String optimizerName, Map<String, Object> hyper, int batchSize, long seed) {
    ModelSpec spec = ModelSpec.mlp(m.inputs(), m.hidden(), m.classes(), activation, null, false, 0, false);
    this.model = spec.build(new Rng(seed));
    model.train(true);
    this.optimizer = OptimizerRegistry.create(optimizerName, hyper, model.namedParameters());
    this.params = List.copyOf(model.namedParameters().values());
    Rng rng = new Rng(seed + 1);
    for (int i = 0; i < BATCHES; i++) {
      float[] x = new float[batchSize * m.inputs()];
      for (int j = 0; j < x.length; j++) x[j] = rng.nextFloat();
      int[] y = new int[batchSize];
      for (int j = 0; j < y.length; j++) y[j] = rng.nextInt(m.classes());
      inputs.add(Tensor.of(x, batchSize, m.inputs()));
      labels.add(y);
    }
  }

  Optimizer optimizer() {
    return optimizer;
  }

  long parameterCount() {
    return model.parameterCount();
  }

  /** Runs {@code n} untimed steps. */
  void warmUp(int n) {
    for (int i = 0; i < n; i++) step();
  }

  /** Runs {@code n} steps and returns their wall time and allocation. */
  Window window(int n) {
    Map<Long, Long> before = BenchMemory.allocatedByThread();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) step();
    long end = System.nanoTime();
    Map<Long, Long> after = BenchMemory.allocatedByThread();
    return new Window((end - start) / 1e9, BenchMemory.allocatedBetween(before, after));
  }

  /** One training step; returns the gradient norm so that the check cannot be optimised away. */
  double step() {
    int b = (int) (step++ % BATCHES);
    model.zeroGrad();
    Tensor output = model.forward(inputs.get(b));
    Tensor loss = Loss.crossEntropy(output, labels.get(b));
    if (!Float.isFinite(loss.item())) throw diverged("the loss");
    loss.backward();
    double sq = 0;
    for (Parameter p : params) {
      Tensor g = p.grad();
      if (g == null) continue;
      for (float v : g.data()) {
        if (!Float.isFinite(v)) throw diverged("a gradient");
        sq += (double) v * v;
      }
    }
    optimizer.step();
    return Math.sqrt(sq);
  }

  private UsageException diverged(String what) {
    return new UsageException("bench: " + what + " became non-finite at step " + step + "; lower --lr");
  }
}
