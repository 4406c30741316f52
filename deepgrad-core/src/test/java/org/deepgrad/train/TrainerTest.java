package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepgrad.data.Regression;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.optim.schedule.StepUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir Path dir;

  @Test
  void fitsALineAndAppliesTheScheduleByEpoch() throws Exception {
    Sequential model = Fixtures.linear(1);
    Fixtures.Recorder events = new Fixtures.Recorder();
    Trainer<Regression> t = Fixtures.line(model, 0.2, Fixtures.lineData(), TrainerSettings.defaults().withEpochs(40)
        .withSchedule(Schedule.step(10, 0.5), StepUnit.EPOCH));
    TrainResult r = t.addListener(events).fit();
    assertEquals(StopReason.COMPLETED, r.stopReason());
    assertEquals(120, r.steps());
    assertEquals(40, r.epochs());
    assertTrue(r.train().orElseThrow().r2().orElseThrow() > 0.999, r.toString());
    assertEquals(2.0, model.stateDict().get("0.weight").item(), 1e-2);
    assertEquals(-1.0, model.stateDict().get("0.bias").item(), 1e-2);
    assertEquals(0.2, events.steps.get(29).lr());
    assertEquals(0.1, events.steps.get(30).lr(), "epoch 10 starts at half the rate");
    assertEquals(0.025, events.steps.get(119).lr());
    assertEquals(120, events.steps.get(119).step());
  }

  @Test
  void listenersSeeTheLoopInOrder() throws Exception {
    List<String> calls = new ArrayList<>();
    Trainer<Regression> t = Fixtures.line(Fixtures.linear(1), 0.1, Fixtures.lineData(), TrainerSettings.defaults()
        .withEpochs(1).withCheckpoints(dir, 0, 1, 1));
    t.addListener(new TrainListener() {
      @Override
      public void onStart(int epoch, long step) {
        calls.add("start " + epoch + " " + step);
      }

      @Override
      public void afterBackward(long step, Module model) {
        calls.add("backward " + step);
      }

      @Override
      public void onStep(StepEvent e) {
        calls.add("step " + e.step() + " of " + e.samples());
      }

      @Override
      public void onEpoch(EpochEvent e) {
        calls.add("epoch " + e.epoch() + " at " + e.step() + (e.validation().isPresent() ? " validated" : ""));
      }

      @Override
      public void onCheckpoint(Path file) {
        calls.add("checkpoint " + file.getFileName());
      }

      @Override
      public void onEnd(TrainResult r) {
        calls.add("end " + r.stopReason());
      }
    });
    t.fit();
    assertEquals(List.of("start 0 0", "backward 1", "step 1 of 4", "backward 2", "step 2 of 4", "backward 3",
        "step 3 of 4", "epoch 0 at 3", "checkpoint ckpt-000000000003.safetensors", "end COMPLETED"), calls);
  }

  @Test
  void settingsRejectValuesOutOfRangeNamingThem() {
    TrainerSettings d = TrainerSettings.defaults();
    assertMessage("epochs", () -> d.withEpochs(0));
    assertMessage("maxSteps", () -> d.withMaxSteps(-1));
    assertMessage("l2", () -> d.withL2(Double.NaN));
    assertMessage("clipNorm", () -> d.withClipping(-1, 0));
    assertMessage("clipValue", () -> d.withClipping(0, Double.POSITIVE_INFINITY));
    assertMessage("checkpointDir", () -> d.withCheckpoints(null, 100, 0, 3));
    assertMessage("keepCheckpoints", () -> d.withCheckpoints(dir, 100, 0, 0));
    assertMessage("maxBackoffs", () -> d.withNonFinite(NonFinitePolicy.BACKOFF, -1));
    assertMessage("schedule", () -> d.withSchedule(null, StepUnit.BATCH));
  }

  private static void assertMessage(String name, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(name + " ="), e.getMessage());
  }
}
