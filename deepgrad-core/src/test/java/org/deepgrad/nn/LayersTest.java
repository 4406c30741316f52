package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.autograd.GradCheck;
import org.deepgrad.init.Init;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayersTest {

  @Test
  void linearDefaultInitStaysWithinTorchBound() {
    Linear l = new Linear(100, 50, new Rng(1));
    float bound = (float) (1 / Math.sqrt(100));
    for (float w : l.weight().value().data()) assertTrue(Math.abs(w) <= bound);
    for (float b : l.bias().value().data()) assertTrue(Math.abs(b) <= bound);
  }

  @Test
  void linearWithChosenInitStartsBiasAtZero() {
    Linear l = new Linear(10, 5, true, Init.heNormal(), new Rng(1));
    assertArrayEquals(new float[5], l.bias().value().data());
  }

  @Test
  void residualGradientIsIdentityPlusBody() {
    Rng rng = new Rng(2);
    Residual r = new Residual(new Sequential(new Linear(3, 3, rng), Activation.tanh()));
    Tensor x = Tensor.randn(rng, 4, 3).requiresGrad(true);
    GradCheck.Result res = GradCheck.check(in -> r.forward(in[0]), x);
    assertTrue(res.passed(), res.toString());
  }

  @Test
  void residualProjectsWhenTheWidthChanges() {
    Rng rng = new Rng(2);
    Residual r = new Residual(new Linear(3, 5, rng), 3, 5, rng);
    assertEquals(5, r.forward(Tensor.randn(rng, 2, 3)).dim(1));
    assertTrue(r.namedParameters().containsKey("projection.weight"));
    Residual bad = new Residual(new Linear(3, 5, rng));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> bad.forward(Tensor.randn(rng, 2, 3)));
    assertTrue(e.getMessage().contains("projection"), e.getMessage());
  }

  @Test
  void builderResidualBlockAndParametersGradcheck() {
    Rng rng = new Rng(4);
    Sequential m = Sequential.builder(3, rng)
        .dense(4, Activation.tanh())
        .residual(b -> b.dense(4, Activation.softsign()).dense(4))
        .dense(2)
        .build();
    Tensor[] params = m.parameters().stream().map(Parameter::value).toArray(Tensor[]::new);
    Tensor x = Tensor.randn(rng, 3, 3);
    GradCheck.Result res = GradCheck.check(in -> m.forward(x), params);
    assertTrue(res.passed(), res.toString());
  }

  @Test
  void batchNormUsesRunningStatisticsInEval() {
    BatchNorm1d bn = new BatchNorm1d(2);
    bn.eval();
    Tensor x = Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2);
    // running mean 0, var 1: y = x / sqrt(1 + eps)
    float s = (float) (1 / Math.sqrt(1 + 1e-5));
    assertArrayEquals(new float[] {s, 2 * s, 3 * s, 4 * s}, bn.forward(x).data(), 1e-6f);
  }

  @Test
  void dropoutIsIdentityInEval() {
    Dropout d = new Dropout(0.5f, new Rng(1));
    d.eval();
    Tensor x = Tensor.randn(new Rng(2), 3, 4);
    assertArrayEquals(x.data(), d.forward(x).data());
    assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5f, new Rng(1)));
  }

  @Test
  void flattenKeepsTheBatchDimension() {
    Tensor x = Tensor.zeros(2, 3, 4);
    assertEquals(org.deepgrad.tensor.Shape.of(2, 12), new Flatten().forward(x).shape());
  }

  @Test
  void activationByNameKnowsEveryKindAndRejectsTypos() {
    for (Activation.Kind k : Activation.Kind.values()) {
      assertEquals(k, Activation.byName(k.configName()).kind());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.byName("rleu"));
    assertTrue(e.getMessage().contains("relu"), e.getMessage());
  }

  @Test
  void builderRejectsALinearOfTheWrongWidth() {
    Rng rng = new Rng(1);
    assertThrows(IllegalArgumentException.class, () -> Sequential.builder(3, rng).add(new Linear(4, 2, rng)));
  }
}
