package org.deepgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.autograd.GradCheck;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  private final Rng rng = new Rng(11);

  private static void assertPassed(GradCheck.Result r) {
    assertTrue(r.passed(), r::toString);
  }

  private Tensor param(int... dims) {
    return Tensor.uniform(rng, 0.5f, 1.5f, dims).requiresGrad(true);
  }

  @Test
  void batchNormTrainingGradientFlowsThroughTheBatchStatistics() {
    Tensor x = Tensor.randn(rng, 6, 4).requiresGrad(true);
    Tensor w = param(4);
    Tensor b = param(4);
    Tensor rm = Tensor.zeros(4);
    Tensor rv = Tensor.ones(4);
    assertPassed(GradCheck.check(
        in -> Normalization.batchNorm(in[0], in[1], in[2], rm, rv, true, 0.1f, 1e-5f), x, w, b));
    assertPassed(GradCheck.check(in -> Normalization.batchNorm(in[0], null, null, null, null, true, 0.1f, 1e-5f), x));
    Tensor x3 = Tensor.randn(rng, 4, 3, 2).requiresGrad(true); // [n, c, L]: statistics over n and L
    Tensor w3 = param(3);
    assertPassed(GradCheck.check(
        in -> Normalization.batchNorm(in[0], in[1], null, null, null, true, 0.1f, 1e-5f), x3, w3));
  }

  @Test
  void batchNormEvalGradientTreatsTheRunningStatisticsAsConstants() {
    Tensor x = Tensor.randn(rng, 5, 3).requiresGrad(true);
    Tensor rm = Tensor.of(new float[] {0.2f, -0.1f, 0.4f}, 3);
    Tensor rv = Tensor.of(new float[] {0.8f, 1.5f, 0.3f}, 3);
    assertPassed(GradCheck.check(in -> Normalization.batchNorm(in[0], in[1], in[2], rm, rv, false, 0.1f, 1e-5f),
        x, param(3), param(3)));
  }

  @Test
  void batchNormTrainingNormalizesAndUpdatesTheRunningStatistics() {
    // Channel 0 holds {1, 3}: mean 2, biased var 1; channel 1 holds {2, 6}: mean 4, biased var 4.
    Tensor x = Tensor.of(new float[] {1f, 2f, 3f, 6f}, 2, 2);
    Tensor w = Tensor.of(new float[] {2f, 1f}, 2);
    Tensor b = Tensor.of(new float[] {0.5f, 0f}, 2);
    Tensor rm = Tensor.zeros(2);
    Tensor rv = Tensor.ones(2);
    Tensor y = Normalization.batchNorm(x, w, b, rm, rv, true, 0.1f, 0f);
    assertArrayEquals(new float[] {-1.5f, -1f, 2.5f, 1f}, y.data(), 1e-6f);
    assertArrayEquals(new float[] {0.2f, 0.4f}, rm.data(), 1e-7f);
    // Unbiased variances 2 and 8: 0.9·1 + 0.1·2 and 0.9·1 + 0.1·8.
    assertArrayEquals(new float[] {1.1f, 1.7f}, rv.data(), 1e-6f);
  }

  @Test
  void batchNormEvalUsesTheRunningStatisticsAndLeavesThem() {
    Tensor x = Tensor.of(new float[] {1f, 2f}, 1, 2);
    Tensor rm = Tensor.of(new float[] {0f, 1f}, 2);
    Tensor rv = Tensor.of(new float[] {4f, 0.25f}, 2);
    Tensor y = Normalization.batchNorm(x, null, null, rm, rv, false, 0.1f, 0f);
    assertArrayEquals(new float[] {0.5f, 2f}, y.data(), 1e-7f);
    assertArrayEquals(new float[] {0f, 1f}, rm.data());
    assertArrayEquals(new float[] {4f, 0.25f}, rv.data());
  }

  @Test
  void batchNormRejectsWhatTorchRejects() {
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> Normalization.batchNorm(Tensor.ones(1, 3), null, null, null, null, true, 0.1f, 1e-5f));
    assertTrue(one.getMessage().contains("Expected more than 1 value per channel"), one.getMessage());
    assertDoesNotThrow(() -> Normalization.batchNorm(Tensor.ones(1, 3), null, null, Tensor.zeros(3), Tensor.ones(3),
        false, 0.1f, 1e-5f));
    IllegalArgumentException eval = assertThrows(IllegalArgumentException.class,
        () -> Normalization.batchNorm(Tensor.ones(2, 3), null, null, null, null, false, 0.1f, 1e-5f));
    assertTrue(eval.getMessage().contains("runningMean"), eval.getMessage());
    ShapeException shape = assertThrows(ShapeException.class,
        () -> Normalization.batchNorm(Tensor.ones(2, 3), Tensor.ones(4), null, null, null, true, 0.1f, 1e-5f));
    assertTrue(shape.getMessage().contains("batchNorm") && shape.getMessage().contains("[4]")
        && shape.getMessage().contains("[2, 3]"), shape.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Normalization.batchNorm(Tensor.ones(2, 3), null, null, null, null, true, 1.5f, 1e-5f));
  }

  @Test
  void layerNormGradients() {
    Tensor x = Tensor.randn(rng, 3, 5).requiresGrad(true);
    assertPassed(GradCheck.check(in -> Normalization.layerNorm(in[0], 1, in[1], in[2], 1e-5f), x, param(5), param(5)));
    Tensor x3 = Tensor.randn(rng, 2, 3, 4).requiresGrad(true);
    assertPassed(GradCheck.check(in -> Normalization.layerNorm(in[0], 2, in[1], null, 1e-5f), x3, param(3, 4)));
    assertPassed(GradCheck.check(in -> Normalization.layerNorm(in[0], 1, null, null, 1e-5f), x3));
  }

  @Test
  void layerNormStandardizesEachRow() {
    // Row {1, 2, 3}: mean 2, biased var 2/3, so x̂ = (x − 2)·√(3/2); row {4, 6, 8} = 2·row + 2 has the same x̂.
    Tensor y = Normalization.layerNorm(Tensor.of(new float[] {1f, 2f, 3f, 4f, 6f, 8f}, 2, 3), 1,
        Tensor.of(new float[] {1f, 2f, 3f}, 3), Tensor.of(new float[] {0f, 0f, 1f}, 3), 0f);
    assertArrayEquals(new float[] {-1.2247449f, 0f, 4.6742346f, -1.2247449f, 0f, 4.6742346f}, y.data(), 1e-6f);
  }

  @Test
  void layerNormShapeErrorsNameTheShapes() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Normalization.layerNorm(Tensor.ones(2, 3), 1, Tensor.ones(2), null, 1e-5f));
    assertTrue(e.getMessage().contains("layerNorm") && e.getMessage().contains("[2]")
        && e.getMessage().contains("[3]"), e.getMessage());
    assertThrows(ShapeException.class, () -> Normalization.layerNorm(Tensor.ones(2, 3), 3, null, null, 1e-5f));
  }
}
