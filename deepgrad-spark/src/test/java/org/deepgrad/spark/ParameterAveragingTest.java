package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.Objective;
import org.deepgrad.train.Trainer;
import org.deepgrad.train.TrainerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter averaging: local updates, then the replicas' mean. */
class ParameterAveragingTest {
  @TempDir Path tmp;

  private static TrainingJob sgd(int epochs) {
    return TrainingJob.of(() -> Runs.spec(false), Runs.SEED, params -> Optimizers.sgd(params, SGD.of(0.05)),
        ScheduleFactory.constant(), TrainerSettings.defaults().withEpochs(epochs), Runs.BATCH).withCheckpoints(0, 1, 3);
  }

  @Test
  void averagingOnlyAtTheEndIsTheMeanOfIndependentRuns() throws Exception {
    Dataset train = Runs.data(256);
    TrainingJob job = sgd(2).withAveraging(Averaging.parameters(1000)); // 16 steps: one average, after the last
    DistributedResult r = LocalReplicas.run(job, 2, train, null, tmp, false);
    assertEquals(16, r.steps());
    Map<String, Tensor> a = independent(job, train, 0);
    Map<String, Tensor> b = independent(job, train, 1);
    Map<String, Tensor> mean = new LinkedHashMap<>();
    a.forEach((k, t) -> {
      float[] x = t.data().clone();
      for (int i = 0; i < x.length; i++) x[i] = (float) (((double) x[i] + b.get(k).data()[i]) / 2);
      mean.put(k, Tensor.of(x, t.shape()));
    });
    assertEquals(0, Runs.maxDifference(Runs.saved(tmp), mean), "the mean of two independent runs, bit for bit");
    assertTrue(Runs.maxDifference(a, b) > 1e-3, "the two replicas' runs should differ before the average");
  }

  @Test
  void averagingEveryStepWithPlainSgdIsGradientAveraging() throws Exception {
    Dataset train = Runs.data(256);
    LocalReplicas.run(sgd(2).withAveraging(Averaging.parameters(1)), 2, train, null, tmp.resolve("p"), false);
    LocalReplicas.run(sgd(2), 2, train, null, tmp.resolve("g"), false);
    double diff = Runs.maxDifference(Runs.saved(tmp.resolve("p")), Runs.saved(tmp.resolve("g")));
    assertTrue(diff < 1e-5, "mean(w - lr g_r) = w - lr mean(g_r) up to rounding, but the runs differ by " + diff);
  }

  /** Replica r's run on its own: the trainer and loader seed Replica gives it, no exchange. */
  private static Map<String, Tensor> independent(TrainingJob job, Dataset train, int r) throws Exception {
    Sequential model = job.model().spec().build(new Rng(job.seed()));
    var loader = DataLoader.miniBatch(Shards.shard(train, r, 2), job.batchSize(), job.seed() + 1 + r);
    new Trainer<>(model, Objective.classification(), job.optimizer().create(model.namedParameters()), loader, null,
        TrainerSettings.defaults().withEpochs(2)).fit();
    return model.stateDict();
  }
}
