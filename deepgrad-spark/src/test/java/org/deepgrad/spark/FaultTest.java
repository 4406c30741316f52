package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.data.Dataset;
import org.deepgrad.train.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replica lost mid-run: the restarted replicas resume from their newest common checkpoint. */
class FaultTest {
  @TempDir Path tmp;

  @Test
  void aRestartAfterALostReplicaEndsWithTheUninterruptedWeights() throws Exception {
    Dataset train = Runs.data(256);
    TrainingJob job = Runs.job(true, 3);
    LocalReplicas.run(job, 2, train, null, tmp.resolve("whole"), false);

    Path out = tmp.resolve("interrupted");
    // 8 steps an epoch, one exchange each, one more for the epoch's metrics: exchange 12 is step 11, in epoch 2
    assertThrows(LocalReplicas.InjectedFailure.class, () -> LocalReplicas.run(job, 2, train, null, out, false, 1, 12));
    assertEquals(1, new CheckpointStore(RunContents.replicaCheckpoints(out, 0), 3).list().size(), "epoch 1's checkpoint");
    DistributedResult r = LocalReplicas.run(job, 2, train, null, out, true);
    assertEquals(8, r.resumedFrom());
    assertEquals(24, r.steps());
    assertEquals(0, Runs.maxDifference(Runs.saved(tmp.resolve("whole")), Runs.saved(out)), "bit for bit");
  }

  @Test
  void aCheckpointOneReplicaLacksIsNotResumedFrom() throws Exception {
    Dataset train = Runs.data(256);
    TrainingJob job = Runs.job(false, 2);
    Path out = tmp.resolve("run");
    LocalReplicas.run(job, 2, train, null, out, false);
    Path lastOfReplica1 = RunContents.replicaCheckpoints(out, 1).resolve(CheckpointStore.fileName(16));
    Files.delete(lastOfReplica1); // as if replica 1 was lost while writing it
    DistributedResult r = LocalReplicas.run(job, 2, train, null, out, true);
    assertEquals(8, r.resumedFrom());
    assertTrue(Files.exists(lastOfReplica1), "the resumed run wrote its last checkpoint again");
    assertEquals(16, r.steps());
  }
}
