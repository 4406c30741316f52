package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Regression;
import org.deepgrad.nn.Sequential;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.ops.Pointwise;
import org.deepgrad.ops.Reductions;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.junit.jupiter.api.Test;

/**
 * The non-finite policies. With lr 1e20 the first SGD step throws the line's weights to about 1e20,
 * so from step 2 on every squared error overflows float32: the loss is infinite.
 */
class NonFiniteTest {
  private static final double HUGE_LR = 1e20;
  /** The outputs, about 1e20, are finite; their squared errors overflow. */
  private static final String IN_THE_LOSS = "forward pass, the loss (the model's outputs are finite)";

  private static TrainResult diverge(TrainerSettings settings, Fixtures.Recorder events, Optimizer[] opt) throws Exception {
    Sequential model = Fixtures.linear(1);
    opt[0] = Optimizers.sgd(model.namedParameters(), SGD.of(HUGE_LR));
    Trainer<Regression> t = new Trainer<>(model, Objective.regression(), opt[0],
        new DataLoader<>(Fixtures.lineData(), 4, false, false, 0), null, settings.withEpochs(3));
    return t.addListener(events).fit();
  }

  @Test
  void stopReportsTheStepAndThatTheLossWasNonFinite() throws Exception {
    TrainResult r = diverge(TrainerSettings.defaults(), new Fixtures.Recorder(), new Optimizer[1]);
    assertEquals(StopReason.NON_FINITE, r.stopReason());
    assertEquals(1, r.steps());
    assertEquals(new NonFinite(2, 0, "loss", IN_THE_LOSS), r.nonFinite().orElseThrow());
    assertTrue(r.toString().contains("non-finite loss at step 2"), r.toString());
  }

  @Test
  void stopNamesTheParameterWhoseGradientIsNonFinite() throws Exception {
    // sqrt(p − p) is 0, but its derivative 1/(2·sqrt(0)) is infinite.
    Objective<Regression> kink = new Objective<>("kink", (out, b) -> Reductions.mean(Pointwise.sqrt(Arithmetic.sub(out, out.detach()))),
        () -> Objective.regression().tally());
    Sequential model = Fixtures.linear(1);
    Trainer<Regression> t = new Trainer<>(model, kink, Optimizers.sgd(model.namedParameters(), SGD.of(0.1)),
        new DataLoader<>(Fixtures.lineData(), 4, false, false, 0), null, TrainerSettings.defaults());
    TrainResult r = t.fit();
    assertEquals(new NonFinite(1, 0, "gradient of 0.weight",
        "backward pass, gradient of the loss with respect to the model's output"), r.nonFinite().orElseThrow());
    assertEquals(0, r.steps());
  }

  @Test
  void skipDropsNonFiniteBatchesAndCountsThem() throws Exception {
    Regression data = Fixtures.lineData();
    data.features().data()[0] = 1e30f; // the first batch of every epoch overflows
    Sequential model = Fixtures.linear(1);
    Fixtures.Recorder events = new Fixtures.Recorder();
    Trainer<Regression> t = Fixtures.line(model, 0.1, data,
        TrainerSettings.defaults().withEpochs(3).withNonFinite(NonFinitePolicy.SKIP, 0));
    TrainResult r = t.addListener(events).fit();
    assertEquals(StopReason.COMPLETED, r.stopReason());
    assertEquals(3, r.skippedBatches());
    assertEquals(6, r.steps(), "the other two batches of each epoch were trained on");
    assertEquals(3, events.warnings.size());
    assertTrue(Float.isFinite(model.stateDict().get("0.weight").item()));
  }

  @Test
  void backoffHalvesTheLearningRateUpToItsLimitThenStops() throws Exception {
    Fixtures.Recorder events = new Fixtures.Recorder();
    Optimizer[] opt = new Optimizer[1];
    TrainResult r = diverge(TrainerSettings.defaults().withNonFinite(NonFinitePolicy.BACKOFF, 3), events, opt);
    assertEquals(StopReason.NON_FINITE, r.stopReason());
    assertEquals(3, r.backoffs());
    assertEquals(3, r.skippedBatches());
    assertEquals(HUGE_LR / 8, opt[0].lr(), "halved three times");
    assertEquals(new NonFinite(2, 1, "loss", IN_THE_LOSS), r.nonFinite().orElseThrow(), "the 4th non-finite batch stops the run");
    assertEquals(3, events.warnings.size());
    assertTrue(events.warnings.get(2).contains("back-off 3 of at most 3"), events.warnings.get(2));
  }
}
