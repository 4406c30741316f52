package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deepgrad.data.Dataset;
import org.deepgrad.nn.Dropout;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.StateDict;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.optim.schedule.StepUnit;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after k steps and resumed from its checkpoint into a fresh model, optimizer and
 * loader (built with other seeds, so only the checkpoint can make them agree) ends bit-identical to
 * the same run without interruption: weights, batch-norm statistics, Adam's moments, metrics.
 */
class ResumeTest {
  @TempDir Path dir;

  private record Run(Sequential model, Optimizer optimizer, Trainer<Dataset> trainer, Fixtures.Recorder events) {}

  private static Run run(long seed, TrainerSettings settings) {
    Sequential model = Fixtures.net(seed);
    Optimizer adam = Fixtures.adam(model);
    Fixtures.Recorder events = new Fixtures.Recorder();
    return new Run(model, adam, Fixtures.classifier(model, adam, seed, settings).addListener(events), events);
  }

  private void assertResumeIsExact(TrainerSettings settings, long stopAt) throws Exception {
    Run straight = run(1, settings);
    TrainResult expected = straight.trainer().fit();

    TrainResult first = run(1, settings.withMaxSteps(stopAt).withCheckpoints(dir, 0, 0, 3)).trainer().fit();
    assertEquals(StopReason.MAX_STEPS, first.stopReason());
    assertEquals(stopAt, first.steps());
    assertTrue(Files.exists(dir.resolve(CheckpointStore.fileName(stopAt))));

    Run resumed = run(99, settings);
    assertFalse(Arrays.equals(straight.model().stateDict().get("0.weight").data(),
        resumed.model().stateDict().get("0.weight").data()), "the fresh model starts elsewhere");
    assertEquals(stopAt, resumed.trainer().resume(dir).checkpoint().step());
    TrainResult actual = resumed.trainer().fit();

    Map<String, Tensor> want = straight.model().stateDict();
    Map<String, Tensor> got = resumed.model().stateDict();
    assertEquals(want.keySet(), got.keySet());
    for (String name : want.keySet()) assertArrayEquals(want.get(name).data(), got.get(name).data(), name);
    assertArrayEquals(rngOf(straight.model()), rngOf(resumed.model()), "dropout generator");
    StateDict wantOpt = straight.optimizer().stateDict();
    StateDict gotOpt = resumed.optimizer().stateDict();
    assertEquals(wantOpt.steps(), gotOpt.steps());
    assertEquals(wantOpt.lrs(), gotOpt.lrs());
    wantOpt.params().forEach((param, st) -> {
      assertEquals(st.step(), gotOpt.params().get(param).step(), param);
      st.buffers().forEach((b, v) -> assertArrayEquals(v, gotOpt.params().get(param).buffers().get(b), param + "." + b));
    });
    assertEquals(expected.steps(), actual.steps());
    assertEquals(expected.validation(), actual.validation());
    List<EpochEvent> all = straight.events().epochs;
    assertEquals(all.subList(all.size() - resumed.events().epochs.size(), all.size()), resumed.events().epochs,
        "epoch events after the resume, the interrupted epoch's training metrics included");
    assertEquals(expected.bestValidationLoss(), actual.bestValidationLoss());
  }

  private static long[] rngOf(Sequential model) {
    return ((Dropout) model.layers().get(3)).rng().state();
  }

  @Test
  void midEpochStopResumesBitIdentically() throws Exception {
    TrainerSettings s = TrainerSettings.defaults().withEpochs(3).withSchedule(Schedule.cosine(15, 1e-4), StepUnit.BATCH)
        .withEarlyStopping(new EarlyStopping(10, 0, true));
    assertResumeIsExact(s, 7);
  }

  @Test
  void epochBoundaryStopResumesBitIdentically() throws Exception {
    TrainerSettings s = TrainerSettings.defaults().withEpochs(4).withSchedule(Schedule.step(1, 0.5), StepUnit.EPOCH)
        .withL2(1e-3).withClipping(1.0, 0);
    assertResumeIsExact(s, 10);
  }
}
