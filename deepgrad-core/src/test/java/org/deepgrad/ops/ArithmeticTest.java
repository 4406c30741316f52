package org.deepgrad.ops;

import static org.deepgrad.testing.GradChecks.assertGradCheck;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BinaryOperator;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ArithmeticTest {

  @Test
  void biasRowBroadcast() {
    Tensor x = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 4, 3).requiresGrad(true);
    Tensor b = Tensor.of(new float[] {100, 200, 300}, 3).requiresGrad(true);
    Tensor y = Arithmetic.add(x, b);
    assertEquals(Shape.of(4, 3), y.shape());
    assertArrayEquals(new float[] {100, 201, 302, 103, 204, 305, 106, 207, 308, 109, 210, 311}, y.data());
    Autograd.backward(Reductions.sum(y));
    assertArrayEquals(new float[] {4, 4, 4}, b.grad().data(), "the bias gradient sums over the rows");
  }

  @Test
  void outerProductBroadcast() {
    Tensor col = Tensor.of(new float[] {1, 2, 3, 4}, 4, 1).requiresGrad(true);
    Tensor row = Tensor.of(new float[] {1, 10, 100}, 1, 3).requiresGrad(true);
    Tensor y = Arithmetic.mul(col, row);
    assertEquals(Shape.of(4, 3), y.shape());
    assertArrayEquals(new float[] {1, 10, 100, 2, 20, 200, 3, 30, 300, 4, 40, 400}, y.data());
    Autograd.backward(Reductions.sum(y));
    assertArrayEquals(new float[] {111, 111, 111, 111}, col.grad().data());
    assertArrayEquals(new float[] {10, 10, 10}, row.grad().data());
  }

  @Test
  void divideByAColumnAcrossABatch() {
    float[] v = new float[24];
    for (int i = 0; i < v.length; i++) v[i] = i;
    Tensor y = Arithmetic.div(Tensor.of(v, 2, 3, 4), Tensor.of(new float[] {1, 2, 4}, 3, 1));
    assertEquals(Shape.of(2, 3, 4), y.shape());
    // y[i, j, k] = (12i + 4j + k) / (1, 2, 4)[j]
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 4; k++) assertEquals((12 * i + 4 * j + k) / (float) (1 << j), y.get(i, j, k));
      }
    }
  }

  @Test
  void subtractAndDivideGradientsByHand() {
    Tensor a = Tensor.of(new float[] {6, 8}, 2).requiresGrad(true);
    Tensor b = Tensor.of(new float[] {2, 4}, 2).requiresGrad(true);
    Autograd.backward(Reductions.sum(Arithmetic.div(a, b)));
    assertArrayEquals(new float[] {0.5f, 0.25f}, a.grad().data()); // 1 / b
    assertArrayEquals(new float[] {-1.5f, -0.5f}, b.grad().data()); // -a / b^2
    a.zeroGrad();
    b.zeroGrad();
    Autograd.backward(Reductions.sum(Arithmetic.sub(a, b)));
    assertArrayEquals(new float[] {1, 1}, a.grad().data());
    assertArrayEquals(new float[] {-1, -1}, b.grad().data());
  }

  @Test
  void scalarForms() {
    Tensor x = Tensor.of(new float[] {1, -2, 4}, 3).requiresGrad(true);
    assertArrayEquals(new float[] {3, 0, 6}, Arithmetic.add(x, 2f).data());
    assertArrayEquals(new float[] {-1, -4, 2}, Arithmetic.sub(x, 2f).data());
    assertArrayEquals(new float[] {3, -6, 12}, Arithmetic.mul(x, 3f).data());
    assertArrayEquals(new float[] {0.5f, -1, 2}, Arithmetic.div(x, 2f).data());
    assertArrayEquals(new float[] {-1, 2, -4}, Arithmetic.neg(x).data());
    Tensor s = Tensor.scalar(10f);
    assertArrayEquals(new float[] {11, 8, 14}, Arithmetic.add(x, s).data(), "a rank-0 tensor broadcasts");
    assertArrayEquals(new float[] {9, 12, 6}, Arithmetic.sub(s, x).data());
    Autograd.backward(Reductions.sum(Arithmetic.add(Arithmetic.mul(x, 3f), 1f)));
    assertArrayEquals(new float[] {3, 3, 3}, x.grad().data());
  }

  @Test
  void incompatibleShapesNameTheOpAndBothShapes() {
    ShapeException e = assertThrows(ShapeException.class, () -> Arithmetic.add(Tensor.ones(4, 3), Tensor.ones(4)));
    assertTrue(e.getMessage().startsWith("add") && e.getMessage().contains("[4, 3] and [4]"), e.getMessage());
    assertThrows(ShapeException.class, () -> Arithmetic.mul(Tensor.ones(2, 3), Tensor.ones(3, 2)));
    assertThrows(ShapeException.class, () -> Arithmetic.div(Tensor.ones(2, 3, 4), Tensor.ones(2, 1)));
  }

  @Test
  void gradChecksWithBroadcasting() {
    Rng rng = new Rng(41);
    int[][][] cases = {
      {{4, 3}, {4, 3}}, {{4, 3}, {3}}, {{4, 1}, {1, 3}}, {{2, 3, 4}, {3, 1}}, {{3}, {2, 1, 3}}, {{2, 3}, {}}};
    List<BinaryOperator<Tensor>> ops = ops();
    for (int[][] c : cases) {
      for (BinaryOperator<Tensor> op : ops) {
        Tensor a = Tensor.randn(rng, c[0]).requiresGrad(true);
        // divisors kept away from 0 so 1/b and a/b^2 stay moderate
        Tensor b = Tensor.uniform(rng, 0.5f, 2f, c[1]).requiresGrad(true);
        assertGradCheck(in -> op.apply(in[0], in[1]), a, b);
        assertGradCheck(in -> op.apply(in[1], in[0]), a, b);
      }
    }
    Tensor x = Tensor.randn(rng, 3, 2).requiresGrad(true);
    assertGradCheck(in -> Arithmetic.add(in[0], 0.5f), x);
    assertGradCheck(in -> Arithmetic.mul(in[0], -1.5f), x);
  }

  private static List<BinaryOperator<Tensor>> ops() {
    return List.of(Arithmetic::add, Arithmetic::sub, Arithmetic::mul, Arithmetic::div);
  }
}
