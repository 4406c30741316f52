package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Synthetic;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.StepStats;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Sequential;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.ops.Pointwise;
import org.deepgrad.ops.Reductions;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsListenerTest {

  /** Trains {@link Fixtures#net} for two epochs with both clippings; with a listener sampling every step or none. */
  private static Map<String, Tensor> train(boolean diagnose, TrainResult[] result) throws Exception {
    Sequential model = Fixtures.net(5);
    TrainerSettings s = TrainerSettings.defaults().withEpochs(2).withClipping(0.5, 0.05);
    Trainer<Dataset> t = Fixtures.classifier(model, Fixtures.adam(model), 7, s);
    if (diagnose) t.addListener(new DiagnosticsListener(model, 1, s));
    result[0] = t.fit();
    return model.stateDict();
  }

  @Test
  void theRunIsBitIdenticalWithAndWithoutTheListener() throws Exception {
    TrainResult[] plain = new TrainResult[1];
    TrainResult[] watched = new TrainResult[1];
    Map<String, Tensor> a = train(false, plain);
    Map<String, Tensor> b = train(true, watched);
    assertEquals(plain[0], watched[0]);
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) assertArrayEquals(a.get(k).data(), b.get(k).data(), k);
  }

  @Test
  void samplesTheTrainersStepNumbersAndSeesClipping() throws Exception {
    Sequential model = Fixtures.net(5);
    TrainerSettings s = TrainerSettings.defaults().withEpochs(3).withClipping(1e-3, 0);
    DiagnosticsListener diag = new DiagnosticsListener(model, 5, s);
    List<String> calls = new ArrayList<>();
    Trainer<Dataset> t = Fixtures.classifier(model, Fixtures.adam(model), 7, s).addListener(new TrainListener() {
      @Override
      public void beforeStep(long step) {
        calls.add("before " + step);
      }

      @Override
      public void afterBackward(long step, Module m) {
        calls.add("backward " + step);
      }
    }).addListener(diag);
    t.fit();
    assertEquals(List.of("before 1", "backward 1", "before 2", "backward 2"), calls.subList(0, 4));
    List<StepStats> steps = diag.history().steps();
    assertEquals(List.of(5L, 10L, 15L), steps.stream().map(StepStats::step).toList());
    for (StepStats st : steps) {
      assertEquals(diag.recorder().layers().size(), st.layers().size());
      assertTrue(st.clipped() && st.clipRate() == 1.0, st.toString());
      assertTrue(st.gradNormBefore() > 1e-2, st.toString());
      assertEquals(1e-3, st.gradNormAfter(), 1e-5, st.toString());
    }
  }

  @Test
  void fromTheFirstUpdateSamplesTheInitialWeights() throws Exception {
    Sequential model = Fixtures.net(5);
    TrainerSettings s = TrainerSettings.defaults().withEpochs(3);
    float[] initial = model.namedParameters().values().iterator().next().value().data().clone();
    DiagnosticsListener diag = DiagnosticsListener.fromFirstUpdate(model, 5, s);
    Fixtures.classifier(model, Fixtures.adam(model), 7, s).addListener(diag).fit();
    List<StepStats> steps = diag.history().steps();
    assertEquals(List.of(0L, 5L, 10L), steps.stream().map(StepStats::step).toList(),
        "updates 1, 6 and 11, counted from 0");
    double norm = 0;
    for (float w : initial) norm += (double) w * w;
    assertEquals(Math.sqrt(norm), steps.get(0).layers().get(0).weight().weightNorm(), 1e-4,
        "the first sample is of the initial weights");
  }

  /** 10 sigmoid layers of 32 units with torch's default init, full batch, SGD lr 0.1, on a teacher's data. */
  private static Trainer<Dataset> deepSigmoid(TrainerSettings s, DiagnosticsListener[] diag) {
    Sequential.Builder b = Sequential.builder(16, new Rng(3));
    for (int i = 0; i < 10; i++) b.dense(32, Activation.sigmoid());
    Sequential model = b.dense(4).build();
    diag[0] = new DiagnosticsListener(model, 2, s);
    return new Trainer<>(model, Objective.classification(), Optimizers.sgd(model.namedParameters(), SGD.of(0.1)),
        DataLoader.fullBatch(Synthetic.teacher(128, 16, 16, 4, 1)), null, s);
  }

  private static List<Finding.Kind> kinds(DiagnosticsListener d) {
    return d.findings().stream().map(Finding::kind).toList();
  }

  @Test
  void aDeepSigmoidStackVanishes() throws Exception {
    DiagnosticsListener[] diag = new DiagnosticsListener[1];
    deepSigmoid(TrainerSettings.defaults().withEpochs(20), diag).addListener(diag[0]).fit();
    Finding f = diag[0].findings().stream().filter(x -> x.kind() == Finding.Kind.VANISHING).findFirst().orElseThrow(
        () -> new AssertionError(diag[0].findings().toString()));
    assertEquals("0", f.layers().get(0));
    assertTrue(kinds(diag[0]).contains(Finding.Kind.INIT_MISMATCH), diag[0].findings()::toString);
  }

  @Test
  void aResumedRunIsNotJudgedOnItsInitialization(@TempDir Path dir) throws Exception {
    TrainerSettings s = TrainerSettings.defaults().withCheckpoints(dir, 0, 1, 1);
    DiagnosticsListener[] first = new DiagnosticsListener[1];
    deepSigmoid(s.withEpochs(10), first).addListener(first[0]).fit();
    DiagnosticsListener[] rest = new DiagnosticsListener[1];
    Trainer<Dataset> t = deepSigmoid(s.withEpochs(20), rest);
    t.resume(dir);
    t.addListener(rest[0]).fit();
    assertTrue(kinds(first[0]).contains(Finding.Kind.INIT_MISMATCH), first[0].findings()::toString);
    assertTrue(kinds(rest[0]).contains(Finding.Kind.VANISHING), rest[0].findings()::toString);
    assertFalse(kinds(rest[0]).contains(Finding.Kind.INIT_MISMATCH), rest[0].findings()::toString);
  }

  @Test
  void aNonFiniteLossThatStopsTheRunIsLocalized() throws Exception {
    Regression data = Fixtures.lineData();
    data.features().data()[0] = Float.NaN;
    Sequential model = Fixtures.linear(1);
    TrainerSettings s = TrainerSettings.defaults();
    DiagnosticsListener diag = new DiagnosticsListener(model, 1, s);
    TrainResult r = Fixtures.line(model, 0.1, data, s).addListener(diag).fit();
    assertEquals(StopReason.NON_FINITE, r.stopReason());
    Finding f = diag.findings().get(0);
    assertEquals(Finding.Kind.NAN_OR_INF, f.kind());
    assertEquals(List.of("0"), f.layers());
    assertEquals(1.0, f.numbers().get("step"));
    assertTrue(f.explanation().contains("activations in the forward pass"), f.explanation());
  }

  @Test
  void aNonFiniteGradientAtASampledStepIsLocalized() throws Exception {
    // sqrt(p − p) is 0, but its derivative 1/(2·sqrt(0)) is infinite: the loss is finite, the gradient not.
    Objective<Regression> kink = new Objective<>("kink", (out, b) -> Reductions.mean(Pointwise.sqrt(Arithmetic.sub(out, out.detach()))),
        () -> Objective.regression().tally());
    Sequential model = Fixtures.linear(1);
    TrainerSettings s = TrainerSettings.defaults();
    DiagnosticsListener diag = new DiagnosticsListener(model, 1, s);
    new Trainer<>(model, kink, Optimizers.sgd(model.namedParameters(), SGD.of(0.1)),
        new DataLoader<>(Fixtures.lineData(), 4, false, false, 0), null, s).addListener(diag).fit();
    Finding f = diag.findings().get(0);
    assertEquals(Finding.Kind.NAN_OR_INF, f.kind());
    assertEquals(List.of("0"), f.layers());
    assertFalse(Double.isFinite(diag.history().steps().get(0).gradNormBefore()));
  }

  @Test
  void aNonFiniteGradientBetweenSamplesIsRecordedAndTheNextStepSampled() throws Exception {
    // The kink's gradient is infinite on every step while the loss stays 0; skip keeps the run going.
    Objective<Regression> kink = new Objective<>("kink", (out, b) -> Reductions.mean(Pointwise.sqrt(Arithmetic.sub(out, out.detach()))),
        () -> Objective.regression().tally());
    Sequential model = Fixtures.linear(1);
    TrainerSettings s = TrainerSettings.defaults().withEpochs(1).withNonFinite(NonFinitePolicy.SKIP, 0);
    DiagnosticsListener diag = new DiagnosticsListener(model, 1000, s);
    new Trainer<>(model, kink, Optimizers.sgd(model.namedParameters(), SGD.of(0.1)),
        new DataLoader<>(Fixtures.lineData(), 4, false, false, 0), null, s).addListener(diag).fit();
    List<StepStats> steps = diag.history().steps();
    assertEquals(1, steps.get(0).step());
    assertFalse(steps.get(0).sampled());
    assertTrue(steps.get(1).sampled(), "the step after the failure is sampled");
    Finding f = diag.findings().get(0);
    assertEquals(Finding.Kind.NAN_OR_INF, f.kind());
    assertEquals(1.0, f.numbers().get("step"));
    assertEquals(List.of("0"), f.layers());
  }
}
