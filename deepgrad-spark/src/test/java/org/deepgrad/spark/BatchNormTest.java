package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.deepgrad.data.Dataset;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch norm in a data-parallel run takes each replica's own batch statistics (PyTorch DDP's default):
 * the run equals one process that normalizes each local batch separately, not one that normalizes the
 * global batch.
 */
class BatchNormTest {
  @TempDir Path tmp;

  @Test
  void eachReplicaNormalizesWithItsOwnBatch() throws Exception {
    Dataset train = Runs.data(256);
    TrainingJob job = Runs.job(true, 2);
    LocalReplicas.run(job, 2, train, null, tmp, false);
    Map<String, Tensor> distributed = Runs.saved(tmp);
    double perReplica = Runs.maxDifference(distributed, Runs.perReplicaBatchNormRun(job, train, 2, 2).stateDict());
    double global = Runs.maxDifference(distributed, Runs.globalBatchRun(job, train, 2, 2).stateDict());
    System.out.println("batch norm: max difference to per-replica statistics " + perReplica + ", to global " + global);
    assertTrue(perReplica < 1e-5, "per-replica statistics: weights and running statistics differ by " + perReplica);
    assertTrue(global > 1e-3, "the global batch's statistics give nearly the same run (" + global + "): the test"
        + " cannot tell the two apart");
  }
}
