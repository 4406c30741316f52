package org.deepgrad.ops;

import static org.deepgrad.testing.GradChecks.assertGradCheck;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ReductionsTest {

  /** [[1, 2, 3], [4, 5, 6]] */
  private static Tensor m23() {
    return Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
  }

  /** x[i, j, k] = 12i + 4j + k, shape [2, 3, 4]. */
  private static Tensor arange234() {
    float[] v = new float[24];
    for (int i = 0; i < v.length; i++) v[i] = i;
    return Tensor.of(v, 2, 3, 4);
  }

  @Test
  void sumAlongAnAxis() {
    assertArrayEquals(new float[] {5, 7, 9}, Reductions.sum(m23(), 0, false).data());
    assertArrayEquals(new float[] {6, 15}, Reductions.sum(m23(), 1, false).data());
    Tensor kept = Reductions.sum(m23(), -1, true);
    assertEquals(Shape.of(2, 1), kept.shape());
    assertEquals(Shape.of(3), Reductions.sum(m23(), 0, false).shape());
    // Σ_j (12i + 4j + k) = 36i + 12 + 3k
    Tensor mid = Reductions.sum(arange234(), 1, false);
    assertEquals(Shape.of(2, 4), mid.shape());
    assertArrayEquals(new float[] {12, 15, 18, 21, 48, 51, 54, 57}, mid.data());
  }

  @Test
  void sumGradientIsCopiedAlongTheAxis() {
    Tensor x = m23();
    Autograd.backward(Reductions.sum(x, 1, false), Tensor.of(new float[] {10, 20}, 2));
    assertArrayEquals(new float[] {10, 10, 10, 20, 20, 20}, x.grad().data());
  }

  @Test
  void sumsAccumulateInDouble() {
    // In float32, 1e8 + 1 == 1e8, so a float accumulator would lose every 1 and return 0.
    float[] v = new float[1002];
    java.util.Arrays.fill(v, 1f);
    v[0] = 1e8f;
    v[1001] = -1e8f;
    assertEquals(1000f, Reductions.sum(Tensor.of(v, 1002)).item());
    assertEquals(1000f, Reductions.sum(Tensor.of(v, 1, 1002), 1, false).item());
    assertEquals(1000f / 1002, Reductions.mean(Tensor.of(v, 1002)).item(), 1e-6f);
  }

  @Test
  void meanValuesAndGradients() {
    Tensor x = m23();
    Tensor all = Reductions.mean(x);
    assertEquals(Shape.of(), all.shape());
    assertEquals(3.5f, all.item());
    Autograd.backward(all);
    assertArrayEquals(new float[] {1 / 6f, 1 / 6f, 1 / 6f, 1 / 6f, 1 / 6f, 1 / 6f}, x.grad().data());
    assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, Reductions.mean(m23(), 0, false).data());
    assertArrayEquals(new float[] {2, 5}, Reductions.mean(m23(), 1, true).data());
    assertEquals(Shape.of(2, 1), Reductions.mean(m23(), 1, true).shape());
    Tensor y = m23();
    Autograd.backward(Reductions.sum(Reductions.mean(y, 0, false)));
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f}, y.grad().data());
  }

  @Test
  void maxOverAllElementsSharesTheGradientBetweenTies() {
    Tensor x = Tensor.of(new float[] {1, 3, 3, 2}, 4).requiresGrad(true);
    Tensor m = Reductions.max(x);
    assertEquals(3f, m.item());
    Autograd.backward(m);
    assertArrayEquals(new float[] {0, 0.5f, 0.5f, 0}, x.grad().data());
  }

  @Test
  void maxAlongAnAxisSendsTheGradientToTheFirstMaximum() {
    Tensor x = Tensor.of(new float[] {1, 5, 5, 7, 2, 7}, 2, 3).requiresGrad(true);
    Tensor m = Reductions.max(x, 1, false);
    assertArrayEquals(new float[] {5, 7}, m.data());
    Autograd.backward(Reductions.sum(m));
    assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, x.grad().data());
    assertArrayEquals(new float[] {7, 5, 7}, Reductions.max(x, 0, false).data());
    assertEquals(Shape.of(1, 3), Reductions.max(x, -2, true).shape());
  }

  @Test
  void nanCountsAsTheLargest() {
    Tensor x = Tensor.of(new float[] {1, Float.NaN, 3, Float.NaN}, 2, 2);
    assertTrue(Float.isNaN(Reductions.max(x).item()));
    float[] rows = Reductions.max(x, 1, false).data();
    assertTrue(Float.isNaN(rows[0]) && Float.isNaN(rows[1]));
    assertArrayEquals(new int[] {1, 1}, Reductions.argmax(x, 1));
  }

  @Test
  void varianceDividesByNMinusCorrection() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 4);
    assertEquals(5f / 3f, Reductions.var(x, 0, false, 1).item(), 1e-6f);
    assertEquals(1.25f, Reductions.var(x, 0, false, 0).item(), 1e-6f);
    Tensor rows = Reductions.var(m23(), 1, true, 1);
    assertEquals(Shape.of(2, 1), rows.shape());
    assertArrayEquals(new float[] {1, 1}, rows.data(), 1e-6f);
    // columns of [[1,2,3],[4,5,6]] are {1,4}, {2,5}, {3,6}: population variance 2.25 each
    assertArrayEquals(new float[] {2.25f, 2.25f, 2.25f}, Reductions.var(m23(), 0, false, 0).data(), 1e-6f);
  }

  @Test
  void varianceGradientByHand() {
    // d/dx Σ(x - mean)^2 / (n - 1) = 2 (x - mean) / (n - 1); mean 2.5, n - 1 = 3
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 4).requiresGrad(true);
    Autograd.backward(Reductions.var(x, 0, false, 1));
    assertArrayEquals(new float[] {-1f, -1f / 3, 1f / 3, 1f}, x.grad().data(), 1e-6f);
  }

  @Test
  void varianceRejectsTooFewElements() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Reductions.var(Tensor.ones(3, 1), 1, false, 1));
    assertTrue(e.getMessage().contains("n - correction = 0"), e.getMessage());
  }

  @Test
  void argmaxTakesTheFirstMaximumInRowMajorOrder() {
    Tensor x = Tensor.of(new float[] {1, 3, 3, 4, 0, 4}, 2, 3);
    assertArrayEquals(new int[] {1, 0}, Reductions.argmax(x, 1));
    assertArrayEquals(new int[] {1, 0, 1}, Reductions.argmax(x, 0));
    assertArrayEquals(new int[] {1, 0}, Reductions.argmax(x, -1));
    // along the middle axis of 12i + 4j + k the last index (j = 2) wins everywhere: [2, 4] positions
    int[] expected = new int[8];
    java.util.Arrays.fill(expected, 2);
    assertArrayEquals(expected, Reductions.argmax(arange234(), 1));
    // the remaining dims [i, j] in row-major order for axis 2: the maximum is at k = 3 except where
    // we plant a larger value
    Tensor t = arange234();
    t.set(100f, 1, 2, 0);
    assertArrayEquals(new int[] {3, 3, 3, 3, 3, 0}, Reductions.argmax(t, 2));
  }

  @Test
  void badAxesAndEmptyInputsAreRejected() {
    ShapeException axis = assertThrows(ShapeException.class, () -> Reductions.sum(m23(), 2, false));
    assertTrue(axis.getMessage().startsWith("sum: axis 2") && axis.getMessage().contains("[2, 3]"),
        axis.getMessage());
    assertThrows(ShapeException.class, () -> Reductions.mean(m23(), -3, false));
    assertThrows(ShapeException.class, () -> Reductions.argmax(m23(), 5));
    ShapeException empty = assertThrows(ShapeException.class, () -> Reductions.max(Tensor.zeros(0)));
    assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    assertThrows(ShapeException.class, () -> Reductions.max(Tensor.zeros(2, 0), 1, false));
  }

  @Test
  void gradChecks() {
    Rng rng = new Rng(21);
    Tensor x = Tensor.randn(rng, 2, 3, 4).requiresGrad(true);
    for (int axis = -3; axis < 3; axis++) {
      int a = axis;
      assertGradCheck(in -> Reductions.sum(in[0], a, false), x);
      assertGradCheck(in -> Reductions.mean(in[0], a, true), x);
      assertGradCheck(in -> Reductions.var(in[0], a, a % 2 == 0, 1), x);
      assertGradCheck(in -> Reductions.var(in[0], a, false, 0), x);
    }
    assertGradCheck(in -> Reductions.mean(in[0]), x);
    assertGradCheck(in -> Reductions.sum(in[0]), x);
  }

  @Test
  void maxGradChecks() {
    // Distinct values spaced 0.1 apart and shuffled: no tie is within the finite-difference step.
    int[] p = new Rng(22).permutation(24);
    float[] v = new float[24];
    for (int i = 0; i < v.length; i++) v[i] = 0.1f * p[i] - 1.2f;
    Tensor x = Tensor.of(v, 2, 3, 4).requiresGrad(true);
    assertGradCheck(in -> Reductions.max(in[0]), x);
    for (int axis = 0; axis < 3; axis++) {
      int a = axis;
      assertGradCheck(in -> Reductions.max(in[0], a, false), x);
      assertGradCheck(in -> Reductions.max(in[0], a - 3, true), x);
    }
  }
}
