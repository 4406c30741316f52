package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Sequential;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The trainer's hook for data-parallel replicas: what it sees, what it changes. */
class ReplicaSyncTest {

  /** A stand-in for the other replicas: halves the gradients, reports a loss of its own, doubles the tallies. */
  private static final class Halving implements ReplicaSync {
    final Sequential model;
    final List<Long> steps = new ArrayList<>();
    double nextLoss = 0.5;

    Halving(Sequential model) {
      this.model = model;
    }

    @Override
    public double combine(long step, double loss) {
      steps.add(step);
      for (Parameter p : model.namedParameters().values()) {
        Tensor g = p.value().grad();
        if (g != null) for (int i = 0; i < g.size(); i++) g.data()[i] /= 2;
      }
      return nextLoss;
    }

    @Override
    public double[][] gatherTallies(double[] sums) {
      return new double[][] {sums, sums};
    }
  }

  @Test
  void theUpdateUsesTheCombinedGradientAndReportsTheCombinedLoss() throws Exception {
    Sequential synced = Fixtures.linear(1);
    Halving sync = new Halving(synced);
    List<StepEvent> events = new ArrayList<>();
    Trainer<Regression> t = Fixtures.line(synced, 0.1, Fixtures.lineData(), TrainerSettings.defaults().withEpochs(1))
        .syncReplicas(sync);
    t.addListener(new TrainListener() {
      @Override
      public void onStep(StepEvent e) {
        events.add(e);
      }
    });
    t.fit();
    Sequential halfRate = Fixtures.linear(1); // SGD: half the gradient is half the learning rate
    Fixtures.line(halfRate, 0.05, Fixtures.lineData(), TrainerSettings.defaults().withEpochs(1)).fit();
    assertArrayEquals(halfRate.stateDict().get("0.weight").data(), synced.stateDict().get("0.weight").data());
    assertEquals(List.of(1L, 2L, 3L), sync.steps);
    assertTrue(events.stream().allMatch(e -> e.loss() == 0.5), "the step's loss is the replicas' mean");
  }

  @Test
  void epochMetricsMergeEveryReplicasSums() throws Exception {
    Sequential one = Fixtures.net(3);
    TrainResult alone = Fixtures.classifier(one, Fixtures.adam(one), 5, TrainerSettings.defaults().withEpochs(1)).fit();
    Sequential twin = Fixtures.net(3);
    Trainer<Dataset> t = Fixtures.classifier(twin, Fixtures.adam(twin), 5, TrainerSettings.defaults().withEpochs(1))
        .syncReplicas(new ReplicaSync() {
          @Override
          public double combine(long step, double loss) {
            return loss;
          }

          @Override
          public double[][] gatherTallies(double[] sums) {
            return new double[][] {sums, sums}; // a second replica with the same rows
          }
        });
    TrainResult twice = t.fit();
    assertEquals(alone.train().orElseThrow().loss(), twice.train().orElseThrow().loss(), 1e-12);
    assertEquals(alone.train().orElseThrow().accuracy().getAsDouble(),
        twice.train().orElseThrow().accuracy().getAsDouble(), 1e-12);
  }

  @Test
  void aNonFiniteLossOnAnotherReplicaFailsTheStepHereToo() throws Exception {
    Sequential model = Fixtures.net(4);
    Tensor runningMean = model.namedBuffers().values().iterator().next();
    float[] before = runningMean.data().clone();
    Halving sync = new Halving(model);
    sync.nextLoss = Double.NaN;
    Fixtures.Recorder recorder = new Fixtures.Recorder();
    TrainResult r = Fixtures.classifier(model, Fixtures.adam(model), 5, TrainerSettings.defaults().withEpochs(1))
        .syncReplicas(sync).addListener(recorder).fit();
    assertEquals(StopReason.NON_FINITE, r.stopReason());
    assertEquals("loss of another replica", r.nonFinite().orElseThrow().what());
    assertEquals(0, r.steps());
    assertArrayEquals(before, runningMean.data(), "the failed step's batch statistics were rolled back");
  }

  @Test
  void earlyStoppingIsRefused() {
    Sequential model = Fixtures.net(5);
    Trainer<Dataset> t = Fixtures.classifier(model, Fixtures.adam(model), 5,
        TrainerSettings.defaults().withEarlyStopping(EarlyStopping.of(2)));
    var e = assertThrows(IllegalArgumentException.class, () -> t.syncReplicas(ReplicaSync.SINGLE));
    assertTrue(e.getMessage().contains("early stopping is not available in a data-parallel run"), e.getMessage());
  }
}
