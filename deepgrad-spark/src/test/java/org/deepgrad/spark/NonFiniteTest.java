package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deepgrad.data.Dataset;
import org.deepgrad.train.NonFinitePolicy;
import org.deepgrad.train.TrainerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NaN in one replica's batch: every replica applies the non-finite policy to the same step. */
class NonFiniteTest {
  @TempDir Path tmp;

  /** The training rows with a NaN feature in row 3, which replica 1 of 2 holds. */
  private static Dataset poisoned() {
    Dataset train = Runs.data(256);
    train.features().data()[3 * train.inputSize()] = Float.NaN;
    return train;
  }

  private static TrainingJob job(NonFinitePolicy policy) {
    return TrainingJob.of(() -> Runs.spec(false), Runs.SEED, params -> org.deepgrad.optim.Optimizers.sgd(params,
        org.deepgrad.optim.SGD.of(0.05)), ScheduleFactory.constant(),
        TrainerSettings.defaults().withEpochs(2).withNonFinite(policy, 5), Runs.BATCH);
  }

  @Test
  void stopEndsEveryReplicaAtTheSameStepWithoutAModel() throws Exception {
    DistributedResult r = LocalReplicas.run(job(NonFinitePolicy.STOP), 2, poisoned(), null, tmp, false);
    assertEquals("NON_FINITE", r.stopReason());
    assertTrue(r.summary().contains("loss of another replica"), r.summary());
    assertFalse(r.modelSaved());
    assertFalse(Files.exists(tmp.resolve("model.safetensors")));
  }

  @Test
  void skipDropsTheBatchOnEveryReplica() throws Exception {
    DistributedResult r = LocalReplicas.run(job(NonFinitePolicy.SKIP), 2, poisoned(), null, tmp, false);
    assertEquals("COMPLETED", r.stopReason());
    assertEquals(14, r.steps(), "16 batches, the one holding row 3 dropped in each of the 2 epochs");
    assertTrue(r.summary().contains("2 batches skipped"), r.summary());
    assertTrue(Files.readString(tmp.resolve("metrics.jsonl")).contains("\"event\":\"warning\""));
  }
}
