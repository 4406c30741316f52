package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.deepgrad.data.Dataset;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gradient averaging over in-process replicas against one process at the global batch. */
class GradientAveragingTest {
  @TempDir Path tmp;

  @Test
  void twoReplicasTrainAsOneProcessAtTheGlobalBatch() throws Exception {
    Dataset train = Runs.data(256);
    TrainingJob job = Runs.job(false, 3);
    DistributedResult r = LocalReplicas.run(job, 2, train, null, tmp, false);
    assertEquals("COMPLETED", r.stopReason());
    assertEquals(24, r.steps()); // 128 rows per replica, 8 batches of 16 an epoch
    Map<String, Tensor> distributed = Runs.saved(tmp);
    Map<String, Tensor> single = Runs.globalBatchRun(job, train, 2, 3).stateDict();
    double diff = Runs.maxDifference(distributed, single);
    System.out.println("max |w_2 replicas - w_1 process| = " + diff);
    assertTrue(diff < 1e-5, "weights differ by " + diff);
  }
}
