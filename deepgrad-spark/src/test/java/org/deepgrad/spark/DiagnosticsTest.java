package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.deepgrad.data.Synthetic;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.train.TrainerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replica 0 runs core's gradient-flow diagnostics; its findings come back with the result. */
class DiagnosticsTest {
  @TempDir Path tmp;

  @Test
  void aDeepSigmoidStackIsFoundVanishing() throws Exception {
    int[] hidden = {32, 32, 32, 32, 32, 32, 32, 32, 32, 32};
    TrainingJob job = TrainingJob.of(() -> ModelSpec.mlp(16, hidden, 4, "sigmoid", null, false, 0, false), 3,
        params -> Optimizers.sgd(params, SGD.of(0.1)), ScheduleFactory.constant(),
        TrainerSettings.defaults().withEpochs(20), 64).withDiagnostics(2);
    DistributedResult r = LocalReplicas.run(job, 2, Synthetic.teacher(128, 16, 16, 4, 1), null, tmp, false);
    assertTrue(r.findings().stream().anyMatch(f -> f.startsWith("VANISHING [0")), r.findings().toString());
  }
}
