package org.deepgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.autograd.GradCheck;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SoftmaxTest {

  private static void assertGradCheck(int axis, int... dims) {
    Tensor x = Tensor.randn(new Rng(3 + dims.length + axis), dims).requiresGrad(true);
    GradCheck.Result s = GradCheck.check(in -> Softmax.softmax(in[0], axis), x);
    assertTrue(s.passed(), () -> "softmax axis " + axis + ": " + s);
    GradCheck.Result l = GradCheck.check(in -> Softmax.logSoftmax(in[0], axis), x);
    assertTrue(l.passed(), () -> "log_softmax axis " + axis + ": " + l);
  }

  @Test
  void gradientsAlongEveryAxisOfSeveralRanks() {
    assertGradCheck(0, 5);
    assertGradCheck(1, 3, 4);
    assertGradCheck(0, 3, 4);
    assertGradCheck(-1, 3, 4);
    assertGradCheck(0, 2, 3, 4);
    assertGradCheck(1, 2, 3, 4);
    assertGradCheck(2, 2, 3, 4);
    assertGradCheck(2, 2, 1, 3, 2);
  }

  @Test
  void forwardMatchesTheDefinition() {
    // softmax([1, 2, 3]) = e^x / (e + e² + e³)
    Tensor y = Softmax.softmax(Tensor.of(new float[] {1f, 2f, 3f}, 3), 0);
    assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, y.data(), 1e-7f);
    Tensor l = Softmax.logSoftmax(Tensor.of(new float[] {1f, 2f, 3f}, 3), -1);
    assertArrayEquals(new float[] {-2.40760596f, -1.40760596f, -0.40760596f}, l.data(), 1e-6f);
  }

  @Test
  void softmaxAlongTheFirstAxisNormalizesColumns() {
    Tensor y = Softmax.softmax(Tensor.of(new float[] {0f, 5f, 0f, -5f}, 2, 2), 0);
    assertEquals(0.5f, y.get(0, 0), 1e-7f);
    assertEquals(0.5f, y.get(1, 0), 1e-7f);
    assertEquals(1f, y.get(0, 1) + y.get(1, 1), 1e-6f);
    assertEquals(0.9999546f, y.get(0, 1), 1e-6f); // 1 / (1 + e^-10)
  }

  @Test
  void extremeLogitsGiveFiniteExactResults() {
    Tensor x = Tensor.of(new float[] {1000f, -1000f, 0f, -1000f, -1000f, -1000f}, 2, 3).requiresGrad(true);
    Tensor y = Softmax.softmax(x, 1);
    assertArrayEquals(new float[] {1f, 0f, 0f, 1f / 3, 1f / 3, 1f / 3}, y.data(), 1e-7f);
    Tensor l = Softmax.logSoftmax(x, 1);
    assertArrayEquals(new float[] {0f, -2000f, -1000f, -1.0986123f, -1.0986123f, -1.0986123f}, l.data(), 1e-4f);
    Autograd.backward(l, Tensor.of(new float[] {1f, 0f, 0f, 0f, 1f, 0f}, 2, 3));
    // d/dx of log_softmax(x)_k = onehot(k) − softmax(x)
    assertArrayEquals(new float[] {0f, 0f, 0f, -1f / 3, 2f / 3, -1f / 3}, x.grad().data(), 1e-6f);
    for (float v : x.grad().data()) assertTrue(Float.isFinite(v));
  }

  @Test
  void aBadAxisNamesTheOpAndTheShape() {
    ShapeException e = assertThrows(ShapeException.class, () -> Softmax.softmax(Tensor.zeros(2, 3), 2));
    assertTrue(e.getMessage().contains("softmax") && e.getMessage().contains("[2, 3]"), e.getMessage());
  }
}
