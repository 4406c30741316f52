package org.deepgrad.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.deepgrad.data.Dataset;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.Objective;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.TrainStep;
import org.deepgrad.train.TrainerSettings;

/**
 * The timed part of {@code bench}: a model, an optimizer and {@link #BATCHES} synthetic batches
 * (uniform [0, 1) features and uniform labels, seeded, made before timing), then warm-up steps and
 * timed windows of training steps cycling through the batches.
 *
 * <p>A step is core's {@link TrainStep}, as {@code Trainer} runs it with no L2 and no clipping: zero
 * the gradients, forward, cross-entropy, check the loss is finite, backward, check every gradient is
 * finite while summing its squares (the gradient norm Trainer reports), optimizer step. With
 * {@code diagnose} a {@link DiagnosticsListener} samples every {@code every} steps, driven as the
 * trainer drives it. Trainer's loader (a row gather per batch) and metrics are left out: they are
 * data handling, not the training step.
 */
final class BenchRun {
  /** Distinct batches cycled through, so the data is not one batch in cache. */
  static final int BATCHES = 16;

  /** Seconds and heap bytes allocated (all threads) of one timed window. */
  record Window(double seconds, long allocatedBytes) {}

  private final Sequential model;
  private final Optimizer optimizer;
  private final TrainStep<Dataset> trainStep;
  private final DiagnosticsListener diagnostics;
  private final List<Dataset> batches = new ArrayList<>();
  private long step;

  /** A run; {@code every} &gt; 0 samples diagnostics every that many steps, 0 none. */
  BenchRun(BenchModel m, String activation, String optimizerName, Map<String, Object> hyper, int batchSize, long seed,
      int every) {
    this.model = spec(m, activation).build(new Rng(seed));
    model.train(true);
    this.optimizer = OptimizerRegistry.create(optimizerName, hyper, model.namedParameters());
    TrainerSettings settings = TrainerSettings.defaults();
    this.diagnostics = every > 0 ? new DiagnosticsListener(model, every, settings) : null;
    this.trainStep = new TrainStep<>(model, Objective.classification(), optimizer, settings,
        diagnostics == null ? List.of() : List.of(diagnostics));
    Rng rng = new Rng(seed + 1);
    for (int i = 0; i < BATCHES; i++) {
      float[] x = new float[batchSize * m.inputs()];
      for (int j = 0; j < x.length; j++) x[j] = rng.nextFloat();
      int[] y = new int[batchSize];
      for (int j = 0; j < y.length; j++) y[j] = rng.nextInt(m.classes());
      batches.add(new Dataset(Tensor.of(x, batchSize, m.inputs()), y, m.classes()));
    }
  }

  /** The bench's model as a spec: plain Dense and activation layers. */
  static ModelSpec spec(BenchModel m, String activation) {
    return ModelSpec.mlp(m.inputs(), m.hidden(), m.classes(), activation, null, false, 0, false);
  }

  /** The bytes of the {@link #BATCHES} batches of {@code batchSize} samples: features and labels. */
  static long dataBytes(BenchModel m, int batchSize) {
    return 4L * BATCHES * batchSize * (m.inputs() + 1);
  }

  Optimizer optimizer() {
    return optimizer;
  }

  long parameterCount() {
    return model.parameterCount();
  }

  void warmUp(int n) {
    for (int i = 0; i < n; i++) step();
  }

  Window window(int n) {
    Map<Long, Long> before = BenchMemory.allocatedByThread();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) step();
    long end = System.nanoTime();
    Map<Long, Long> after = BenchMemory.allocatedByThread();
    return new Window((end - start) / 1e9, BenchMemory.allocatedBetween(before, after));
  }

  /** One training step; returns the gradient norm. */
  double step() {
    Dataset batch = batches.get((int) (step++ % BATCHES));
    TrainStep.Outcome out = trainStep.run(batch, step);
    if (out.nonFinite() != null) {
      throw new UsageException("bench: the " + out.nonFinite() + " became non-finite at step " + step + "; lower --lr");
    }
    if (diagnostics != null) {
      diagnostics.onStep(new StepEvent(0, step, out.loss(), OptionalDouble.empty(), optimizer.lr(), batch.size(),
          out.gradNorm()));
    }
    return out.gradNorm();
  }
}
