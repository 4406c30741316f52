package org.deepgrad.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.autograd.GradCheck;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LossTest {
  private final Rng rng = new Rng(17);

  private static void assertPassed(GradCheck.Result r, Reduction reduction) {
    assertTrue(r.passed(), () -> reduction + ": " + r);
  }

  @Test
  void crossEntropyGradientsForEveryReduction() {
    int[] targets = {2, 0, 1, 3};
    for (Reduction red : Reduction.values()) {
      Tensor logits = Arithmetic.mul(Tensor.randn(rng, 4, 5), 2f).requiresGrad(true);
      assertPassed(GradCheck.check(in -> Loss.crossEntropy(in[0], targets, red), logits), red);
    }
    // Classes on axis 1 of a [n, c, d] tensor, one target per (n, d) position.
    Tensor seq = Tensor.randn(rng, 2, 3, 2).requiresGrad(true);
    int[] perPosition = {0, 2, 1, 1};
    assertPassed(GradCheck.check(in -> Loss.crossEntropy(in[0], perPosition, Reduction.NONE), seq), Reduction.NONE);
  }

  @Test
  void crossEntropyMatchesHandComputedValues() {
    Tensor logits = Tensor.of(new float[] {0.5f, -1f, 2f, 1.5f, 0.3f, -0.7f}, 2, 3).requiresGrad(true);
    int[] t = {2, 0};
    // lse − x[target] per row, computed in float64 with numpy.
    assertArrayEquals(new float[] {0.2413113f, 0.34500528f},
        Loss.crossEntropy(logits, t, Reduction.NONE).data(), 1e-6f);
    assertEquals(0.5863166f, Loss.crossEntropy(logits, t, Reduction.SUM).item(), 1e-6f);
    Tensor mean = Loss.crossEntropy(logits, t);
    assertEquals(0.2931583f, mean.item(), 1e-6f);
    Autograd.backward(mean);
    assertArrayEquals(new float[] {0.0876452f, 0.01955629f, -0.10720148f, -0.14589169f, 0.10665537f, 0.03923632f},
        logits.grad().data(), 1e-6f);
  }

  @Test
  void crossEntropyIsStableForExtremeLogits() {
    Tensor logits = Tensor.of(new float[] {1000f, -1000f, 0f, -800f, 0f, 800f}, 2, 3).requiresGrad(true);
    Tensor l = Loss.crossEntropy(logits, new int[] {1, 2});
    assertEquals(1000f, l.item()); // (2000 + 0) / 2
    Autograd.backward(l);
    assertArrayEquals(new float[] {0.5f, -0.5f, 0f, 0f, 0f, 0f}, logits.grad().data());
  }

  @Test
  void crossEntropyValidatesTargets() {
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> Loss.crossEntropy(Tensor.zeros(2, 3), new int[] {0, 3}));
    assertTrue(range.getMessage().contains("target 3") && range.getMessage().contains("[0, 3)"), range.getMessage());
    ShapeException count = assertThrows(ShapeException.class,
        () -> Loss.crossEntropy(Tensor.zeros(2, 3), new int[] {0, 1, 2}));
    assertTrue(count.getMessage().contains("crossEntropy") && count.getMessage().contains("[2, 3]"),
        count.getMessage());
  }

  @Test
  void mseGradientsToBothArguments() {
    for (Reduction red : Reduction.values()) {
      Tensor p = Tensor.randn(rng, 3, 4).requiresGrad(true);
      Tensor t = Tensor.randn(rng, 3, 4).requiresGrad(true);
      assertPassed(GradCheck.check(in -> Loss.mse(in[0], in[1], red), p, t), red);
    }
    Tensor p = Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2);
    Tensor t = Tensor.of(new float[] {0.5f, 2f, 5f, 3f}, 2, 2);
    assertEquals(1.3125f, Loss.mse(p, t).item(), 1e-7f);
    assertEquals(5.25f, Loss.mse(p, t, Reduction.SUM).item(), 1e-6f);
    Tensor none = Loss.mse(p, t, Reduction.NONE);
    assertEquals(Shape.of(2, 2), none.shape());
    assertArrayEquals(new float[] {0.25f, 0f, 4f, 1f}, none.data());
  }

  @Test
  void bceWithLogitsGradientsToLogitsAndTarget() {
    for (Reduction red : Reduction.values()) {
      Tensor x = Arithmetic.mul(Tensor.randn(rng, 3, 4), 3f).requiresGrad(true);
      Tensor t = Tensor.uniform(rng, 0f, 1f, 3, 4).requiresGrad(true);
      assertPassed(GradCheck.check(in -> Loss.bceWithLogits(in[0], in[1], red), x, t), red);
    }
  }

  @Test
  void bceWithLogitsIsStableAndMatchesHandComputedValues() {
    Tensor x = Tensor.of(new float[] {2f, -1f, 0f, 30f}, 4);
    Tensor t = Tensor.of(new float[] {1f, 0f, 0.5f, 0f}, 4);
    assertArrayEquals(new float[] {0.12692801f, 0.31326169f, 0.69314718f, 30f},
        Loss.bceWithLogits(x, t, Reduction.NONE).data(), 1e-6f);
    assertEquals(7.783334f, Loss.bceWithLogits(x, t).item(), 1e-5f);
    Tensor big = Tensor.of(new float[] {-1000f, 1000f}, 2).requiresGrad(true);
    Tensor l = Loss.bceWithLogits(big, Tensor.of(new float[] {1f, 0f}, 2), Reduction.SUM);
    assertEquals(2000f, l.item());
    Autograd.backward(l);
    assertArrayEquals(new float[] {-1f, 1f}, big.grad().data());
  }

  @Test
  void shapeMismatchNamesTheOpAndShapes() {
    ShapeException e = assertThrows(ShapeException.class, () -> Loss.mse(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
    assertTrue(e.getMessage().contains("mse") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"),
        e.getMessage());
    ShapeException b = assertThrows(ShapeException.class,
        () -> Loss.bceWithLogits(Tensor.zeros(4), Tensor.zeros(4, 1)));
    assertTrue(b.getMessage().contains("bceWithLogits") && b.getMessage().contains("[4, 1]"), b.getMessage());
  }
}
