package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Synthetic;
import org.deepgrad.diagnostics.History;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.diagnostics.StepStats;
import org.deepgrad.diagnostics.Summary;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics sample through output watches, so sampled steps stay on the buffered path; what they
 * record is what a sample recorded on the tape records (the tape forced by a no-op forward hook).
 */
class DiagnosedBufferedStepTest {
  private static final Dataset DATA = Synthetic.teacher(64, 8, 12, 3, 5);

  @Test
  void sampledStepsStayOnTheBufferedPassesAndRecordWhatTheTapeRecords() {
    Diagnosed buffered = run(false);
    Diagnosed tape = run(true);
    assertEquals(12, buffered.bufferedSteps, "every step, sampled or not, took the buffered path");
    assertEquals(0, tape.bufferedSteps);
    List<StepStats> k = buffered.history.sampled();
    List<StepStats> t = tape.history.sampled();
    assertEquals(6, k.size());
    for (int i = 0; i < k.size(); i++) {
      assertEquals(canonical(t.get(i)), canonical(k.get(i)), "the same statistics, to the bit, at sample " + i);
    }
    assertFalse(k.get(0).layers().isEmpty());
    assertFalse(k.get(0).layers().get(0).outputGrad() == null, "the back-propagated gradient was seen");
  }

  private record Diagnosed(long bufferedSteps, History history) {}

  /** The record's text with each histogram's counts spelled out (arrays print as their identity). */
  private static String canonical(StepStats s) {
    StringBuilder b = new StringBuilder(s.toString().replaceAll("counts=\\[J@[0-9a-f]+", "counts"));
    for (LayerStats l : s.layers()) {
      for (Summary sum : new Summary[] {l.activation(), l.outputGrad()}) b.append(Arrays.toString(sum.histogram().counts()));
    }
    return b.toString();
  }

  private static Diagnosed run(boolean forceTape) {
    Sequential model = Sequential.builder(8, new Rng(2)).dense(16, Activation.tanh()).dense(12, Activation.relu())
        .dense(3).build();
    if (forceTape) model.registerForwardHook((m, in, out) -> null);
    model.train(true);
    TrainerSettings settings = TrainerSettings.defaults();
    DiagnosticsListener diag = new DiagnosticsListener(model, 2, settings);
    Optimizer opt = Optimizers.sgd(model.namedParameters(), SGD.of(0.1));
    TrainStep<Dataset> step = new TrainStep<>(model, Objective.classification(), opt, settings, List.of(diag));
    for (long s = 1; s <= 12; s++) {
      TrainStep.Outcome o = step.run(DATA, s);
      diag.onStep(new StepEvent(0, s, o.loss(), OptionalDouble.empty(), opt.lr(), DATA.size(), o.gradNorm()));
    }
    return new Diagnosed(step.bufferedSteps(), diag.history());
  }
}
