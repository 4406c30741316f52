package org.deepgrad.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Synthetic;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.schedule.LrStepper;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.Objective;
import org.deepgrad.train.TrainStep;
import org.deepgrad.train.TrainerSettings;

/** The small problem the distributed tests train, and the single-process runs they compare with. */
final class Runs {
  static final long SEED = 7;
  static final int BATCH = 16;

  private Runs() {}

  /** 3 classes of a random teacher network, 20 features. */
  static Dataset data(int n) {
    return Synthetic.teacher(n, 20, 16, 3, 11);
  }

  static ModelSpec spec(boolean batchNorm) {
    return ModelSpec.mlp(20, new int[] {32, 16}, 3, "relu", null, batchNorm, 0, false);
  }

  /** Adam at lr 0.01, cosine over the run, checkpoints every epoch. */
  static TrainingJob job(boolean batchNorm, int epochs) {
    return TrainingJob.of(() -> spec(batchNorm), SEED, params -> Optimizers.adam(params, Adam.defaults().lr(1e-2)),
        steps -> Schedule.cosine(steps, 0), TrainerSettings.defaults().withEpochs(epochs), BATCH)
        .withCheckpoints(0, 1, 3);
  }

  /**
   * The standalone cluster's run: {@link #job} without batch norm over 5 epochs, each update at least
   * 10 ms long (a sleep in the schedule), so a test can kill an executor after the first checkpoint
   * and before the end (63 updates an epoch on 1000 rows per replica).
   */
  static TrainingJob clusterJob() {
    return TrainingJob.of(() -> spec(false), SEED, params -> Optimizers.adam(params, Adam.defaults().lr(1e-2)),
        steps -> {
          Schedule cosine = Schedule.cosine(steps, 0);
          return (k, lr) -> {
            try {
              Thread.sleep(10);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return cosine.lr(k, lr);
          };
        }, TrainerSettings.defaults().withEpochs(5), BATCH).withCheckpoints(0, 1, 3);
  }

  /** The weights a run saved in {@code out}. */
  static Map<String, Tensor> saved(Path out) throws IOException {
    return ModelFiles.load(out).model().stateDict();
  }

  /**
   * One process trained on the global batches of an N-replica run: batch k is the concatenation of
   * the replicas' k-th local batches (their loaders as {@link Replica} builds them), one update each,
   * with the job's optimizer and cosine schedule.
   */
  static Sequential globalBatchRun(TrainingJob job, Dataset train, int n, int epochs) {
    Sequential model = job.model().spec().build(new Rng(job.seed()));
    Optimizer opt = job.optimizer().create(model.namedParameters());
    @SuppressWarnings("unchecked")
    DataLoader<Dataset>[] loaders = new DataLoader[n];
    for (int r = 0; r < n; r++) loaders[r] = DataLoader.miniBatch(Shards.shard(train, r, n), job.batchSize(), job.seed() + 1 + r);
    int perEpoch = loaders[0].batchesPerEpoch();
    TrainStep<Dataset> step = new TrainStep<>(model, Objective.classification(), opt, TrainerSettings.defaults());
    LrStepper lr = new LrStepper(job.schedule().create((long) epochs * perEpoch), opt.lr(),
        org.deepgrad.optim.schedule.StepUnit.BATCH, opt::setLr);
    long k = 0;
    for (int e = 0; e < epochs; e++) {
      for (int b = 0; b < perEpoch; b++) {
        Dataset[] parts = new Dataset[n];
        for (int r = 0; r < n; r++) parts[r] = loaders[r].next();
        lr.apply(e, k);
        step.run(concat(parts), ++k);
      }
    }
    return model;
  }

  /**
   * As {@link #globalBatchRun}, but each update's gradient is the mean of the gradients of the N local
   * batches, each forward pass normalizing with its own batch's statistics (per-replica batch norm),
   * and the running statistics the mean of the N batches' updates of them: on the tape, one backward
   * per local batch accumulating into the same gradients.
   */
  static Sequential perReplicaBatchNormRun(TrainingJob job, Dataset train, int n, int epochs) {
    Sequential model = job.model().spec().build(new Rng(job.seed()));
    Optimizer opt = job.optimizer().create(model.namedParameters());
    @SuppressWarnings("unchecked")
    DataLoader<Dataset>[] loaders = new DataLoader[n];
    for (int r = 0; r < n; r++) loaders[r] = DataLoader.miniBatch(Shards.shard(train, r, n), job.batchSize(), job.seed() + 1 + r);
    int perEpoch = loaders[0].batchesPerEpoch();
    LrStepper lr = new LrStepper(job.schedule().create((long) epochs * perEpoch), opt.lr(),
        org.deepgrad.optim.schedule.StepUnit.BATCH, opt::setLr);
    var buffers = model.namedBuffers().values().stream().map(Tensor::data).toList();
    long k = 0;
    for (int e = 0; e < epochs; e++) {
      for (int b = 0; b < perEpoch; b++) {
        lr.apply(e, k++);
        model.zeroGrad();
        float[][] before = buffers.stream().map(float[]::clone).toArray(float[][]::new);
        double[][] sum = buffers.stream().map(a -> new double[a.length]).toArray(double[][]::new);
        for (int r = 0; r < n; r++) {
          for (int i = 0; i < before.length; i++) System.arraycopy(before[i], 0, buffers.get(i), 0, before[i].length);
          Dataset part = loaders[r].next();
          Autograd.backward(Arithmetic.mul(Loss.crossEntropy(model.forward(part.features()), part.labels()), 1f / n));
          for (int i = 0; i < sum.length; i++) for (int j = 0; j < sum[i].length; j++) sum[i][j] += buffers.get(i)[j];
        }
        for (int i = 0; i < sum.length; i++) for (int j = 0; j < sum[i].length; j++) buffers.get(i)[j] = (float) (sum[i][j] / n);
        opt.step();
      }
    }
    return model;
  }

  static Dataset concat(Dataset[] parts) {
    int rows = 0;
    for (Dataset p : parts) rows += p.size();
    int d = parts[0].inputSize();
    float[] x = new float[rows * d];
    int[] y = new int[rows];
    int at = 0;
    for (Dataset p : parts) {
      System.arraycopy(p.features().data(), 0, x, at * d, p.size() * d);
      System.arraycopy(p.labels(), 0, y, at, p.size());
      at += p.size();
    }
    return new Dataset(Tensor.of(x, rows, d), y, parts[0].classes());
  }

  /** max |a − b| over every entry of two state dicts with the same names. */
  static double maxDifference(Map<String, Tensor> a, Map<String, Tensor> b) {
    double max = 0;
    for (var e : a.entrySet()) {
      float[] x = e.getValue().data();
      float[] y = b.get(e.getKey()).data();
      for (int i = 0; i < x.length; i++) max = Math.max(max, Math.abs((double) x[i] - y[i]));
    }
    return max;
  }
}
