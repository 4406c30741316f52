package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.loss.Loss;
import org.deepgrad.init.Init;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Linear;
import org.deepgrad.nn.Sequential;
import org.deepgrad.ops.Reductions;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RecorderTest {

  @Test
  void layersAreLinearsWithTheirNormAndActivationNamedByPath() {
    Sequential m = Sequential.builder(4, new Rng(1))
        .dense(8, Activation.relu()).batchNorm().dropout(0.5f)
        .dense(6, Activation.tanh())
        .residual(b -> b.dense(6, Activation.sigmoid()))
        .dense(3).build();
    Recorder rec = new Recorder(m);
    assertEquals(List.of("0", "4", "6.body.0", "7"), rec.layers().stream().map(LayerInfo::name).toList());
    assertEquals(List.of(Activation.Kind.RELU, Activation.Kind.TANH, Activation.Kind.SIGMOID, Activation.Kind.IDENTITY),
        rec.layers().stream().map(LayerInfo::activation).toList());
    assertEquals(List.of(true, false, false, false), rec.layers().stream().map(LayerInfo::normalized).toList());
    assertEquals(8, rec.layers().get(0).fanOut());
    rec.beforeForward(0);
    Autograd.backward(Reductions.sum(m.forward(Tensor.randn(new Rng(2), 16, 4))));
    rec.afterBackward();
    StepStats s = rec.afterStep(1, 0.1).orElseThrow();
    for (LayerStats l : s.layers()) assertNotNull(l.outputGrad(), l.name());
    assertEquals(0, s.layers().get(0).activation().min()); // the ReLU's output, not the batch norm's after it
    assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"),
        s.layers().get(0).params().stream().map(ParamStats::name).toList());
  }

  /** y = W2·relu(W1·x), loss = Σy, with numbers small enough to differentiate by hand. */
  @Test
  void statisticsOfATinyNetworkMatchHandComputedValues() {
    Linear l1 = new Linear(2, 2, new Rng(1));
    Linear l2 = new Linear(2, 1, new Rng(1));
    System.arraycopy(new float[] {1, 0, 0, -1}, 0, l1.weight().value().data(), 0, 4);
    System.arraycopy(new float[] {0, 0}, 0, l1.bias().value().data(), 0, 2);
    System.arraycopy(new float[] {2, 5}, 0, l2.weight().value().data(), 0, 2);
    l2.bias().value().data()[0] = 0;
    Sequential m = new Sequential(l1, Activation.relu(), l2);
    Recorder rec = new Recorder(m, 1);
    Optimizer sgd = Optimizers.sgd(m.namedParameters(), SGD.of(0.1));
    rec.beforeForward(0);
    Tensor loss = Reductions.sum(m.forward(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2))); // z = [[1,-2],[3,-4]], a = [[1,0],[3,0]]
    Autograd.backward(loss);
    rec.afterBackward();
    sgd.step();
    StepStats s = rec.afterStep(loss.item(), 0.1).orElseThrow();
    assertEquals(8, s.loss()); // y = [2, 6]
    assertEquals(Math.sqrt(208 + 16 + 16 + 4), s.gradNormBefore(), 1e-9); // dW1, db1, dW2, db2
    assertEquals(s.gradNormBefore(), s.gradNormAfter());
    LayerStats hidden = s.layers().get(0);
    assertEquals(Math.sqrt(208), hidden.weight().gradNorm(), 1e-9); // dW1 = [[8, 12], [0, 0]]
    assertEquals(Math.sqrt(208) / 2, hidden.weight().gradRms(), 1e-9);
    assertEquals(Math.sqrt(2), hidden.weight().weightNorm(), 1e-9);
    assertEquals(0.1 * Math.sqrt(104), hidden.weight().updateRatio(), 1e-6); // ‖0.1·dW1‖ / ‖W1‖
    assertEquals(4, hidden.params().get(1).gradNorm(), 1e-9); // db1 = [4, 0]
    assertEquals(1, hidden.activation().mean(), 1e-9);
    assertEquals(Math.sqrt(1.5), hidden.activation().std(), 1e-9);
    assertEquals(0.5, hidden.activation().p50(), 1e-9);
    assertEquals(0.5, hidden.deadFraction()); // unit 1 never fires
    assertTrue(Double.isNaN(hidden.saturation()));
    assertEquals(3.5, hidden.outputGrad().mean(), 1e-9); // ∂loss/∂a = [[2, 5], [2, 5]]
    assertEquals(2.25, hidden.outputGrad().variance(), 1e-9);
    assertEquals(Math.sqrt(58), hidden.outputGrad().norm(), 1e-9);
    LayerStats out = s.layers().get(1);
    assertEquals(4, out.weight().gradNorm(), 1e-9); // dW2 = [[4, 0]]
    assertEquals(0.4 / Math.sqrt(29), out.weight().updateRatio(), 1e-6);
    assertEquals(2, out.activation().std(), 1e-9);
    assertEquals(0, out.outputGrad().std(), 1e-9);
  }

  @Test
  void samplesEveryKStepsAndLeavesTrainingBitIdentical() {
    History h = Probe.train(Probe.mlp(2, 8, Activation.Kind.TANH, Init.xavierNormal(1), false),
        p -> Optimizers.sgd(p, SGD.of(0.1)), 7, 3, Double.NaN, Probe.DATA.features());
    assertEquals(List.of(0L, 3L, 6L), h.steps().stream().map(StepStats::step).toList());
    Sequential watched = Probe.mlp(2, 8, Activation.Kind.TANH, Init.xavierNormal(1), false);
    Sequential plain = Probe.mlp(2, 8, Activation.Kind.TANH, Init.xavierNormal(1), false);
    Probe.train(watched, p -> Optimizers.sgd(p, SGD.of(0.1)), 5);
    Optimizer sgd = Optimizers.sgd(plain.namedParameters(), SGD.of(0.1));
    for (int step = 0; step < 5; step++) {
      Tensor loss = org.deepgrad.loss.Loss.crossEntropy(plain.forward(Probe.DATA.features()), Probe.DATA.labels());
      sgd.zeroGrad();
      Autograd.backward(loss);
      sgd.step();
    }
    for (String k : plain.stateDict().keySet()) {
      assertArrayEquals(plain.stateDict().get(k).data(), watched.stateDict().get(k).data(), k);
    }
  }

  @Test
  void clippingIsReportedWithHowOftenItFiredSinceTheLastSample() {
    History h = Probe.train(Probe.mlp(2, 8, Activation.Kind.TANH, Init.xavierNormal(1), false),
        p -> Optimizers.sgd(p, SGD.of(0.1)), 4, 2, 1e-3, Probe.DATA.features());
    for (StepStats s : h.steps()) {
      assertTrue(s.clipped());
      assertEquals(1.0, s.clipRate());
      assertEquals(1e-3, s.gradNormAfter());
      double sq = 0;
      for (LayerStats l : s.layers()) for (ParamStats p : l.params()) sq += p.gradNorm() * p.gradNorm();
      assertEquals(Math.sqrt(sq), s.gradNormBefore(), 1e-6 * s.gradNormBefore());
    }
    assertFalse(Clipping.byNorm(0.5, 1).fired());
    assertEquals(0, Clipping.byNorm(Double.POSITIVE_INFINITY, 1).normAfter());
  }

  @Test
  void aBadLossBetweenSamplesIsRecordedAndTheNextStepSampled() {
    History h = Probe.train(Probe.mlp(4, 32, Activation.Kind.LEAKY_RELU, Init.heNormal(), false),
        p -> Optimizers.sgd(p, SGD.of(10)), 8, 5, Double.NaN, Probe.DATA.features());
    assertEquals(List.of(0L, 3L, 4L, 5L), h.steps().stream().map(StepStats::step).toList());
    assertTrue(Double.isNaN(h.steps().get(1).loss()));
    assertFalse(h.steps().get(1).sampled());
    assertTrue(h.steps().get(2).sampled());
    Finding f = new NonFiniteRule().check(h).orElseThrow();
    assertEquals(3.0, f.numbers().get("step"));
    assertTrue(f.explanation().contains("at step 4, the next sampled step"), f.explanation());
  }

  /** The weight copies for update ratios are kept from sample to sample: each sample must see its own step. */
  @Test
  void updateRatiosAtLaterSamplesMeasureThatSamplesStep() {
    Sequential m = Probe.mlp(2, 8, Activation.Kind.TANH, Init.xavierNormal(1), false);
    Recorder rec = new Recorder(m, 2);
    Optimizer opt = Optimizers.adam(m.namedParameters(), Adam.defaults().lr(0.01));
    for (int step = 0; step < 7; step++) {
      boolean sampled = rec.beforeForward(step);
      Tensor loss = Loss.crossEntropy(m.forward(Probe.DATA.features()), Probe.DATA.labels());
      opt.zeroGrad();
      Autograd.backward(loss);
      rec.afterBackward();
      Map<String, float[]> before = new LinkedHashMap<>();
      m.namedParameters().forEach((k, p) -> before.put(k, p.value().data().clone()));
      opt.step();
      var stats = rec.afterStep(loss.item(), opt.lr());
      assertEquals(sampled, stats.isPresent());
      if (!sampled) continue;
      for (LayerStats l : stats.get().layers()) {
        for (ParamStats p : l.params()) {
          float[] w0 = before.get(p.name());
          float[] w1 = m.namedParameters().get(p.name()).value().data();
          double d = 0;
          double w = 0;
          for (int i = 0; i < w0.length; i++) {
            d += ((double) w1[i] - w0[i]) * ((double) w1[i] - w0[i]);
            w += (double) w0[i] * w0[i];
          }
          double expected = Math.sqrt(d) / Math.sqrt(w);
          // SumOfSquares sums blocks in float lanes: relative error within about 1e-6
          assertEquals(expected, p.updateRatio(), 2e-6 * expected, "step " + step + " " + p.name());
        }
      }
    }
  }
}
