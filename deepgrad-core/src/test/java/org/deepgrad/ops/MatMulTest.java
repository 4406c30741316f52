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

class MatMulTest {

  @Test
  void twoByTwo() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
    Tensor b = Tensor.of(new float[] {5, 6, 7, 8}, 2, 2).requiresGrad(true);
    Tensor c = MatMul.matmul(a, b);
    assertArrayEquals(new float[] {19, 22, 43, 50}, c.data());
    Autograd.backward(Reductions.sum(c));
    // dA = 1 Bᵀ: row sums of B; dB = Aᵀ 1: column sums of A, repeated
    assertArrayEquals(new float[] {11, 15, 11, 15}, a.grad().data());
    assertArrayEquals(new float[] {4, 4, 6, 6}, b.grad().data());
  }

  @Test
  void rectangular() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor b = Tensor.of(new float[] {1, 0, -1}, 3, 1);
    Tensor c = MatMul.matmul(a, b);
    assertEquals(Shape.of(2, 1), c.shape());
    assertArrayEquals(new float[] {-2, -2}, c.data());
  }

  @Test
  void batchedProducts() {
    // batch 0: [1 2] @ [[1], [1]] = 3; batch 1: [3 4] @ [[2], [-1]] = 2
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 1, 2);
    Tensor b = Tensor.of(new float[] {1, 1, 2, -1}, 2, 2, 1);
    Tensor c = MatMul.matmul(a, b);
    assertEquals(Shape.of(2, 1, 1), c.shape());
    assertArrayEquals(new float[] {3, 2}, c.data());
    // a shared right matrix [[1, 0], [0, 2]] scales the second column of every batch entry
    Tensor shared = MatMul.matmul(a, Tensor.of(new float[] {1, 0, 0, 2}, 2, 2));
    assertEquals(Shape.of(2, 1, 2), shared.shape());
    assertArrayEquals(new float[] {1, 4, 3, 8}, shared.data());
  }

  @Test
  void sharedRightMatrixCollectsEveryBatchGradient() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 1, 2);
    Tensor w = Tensor.of(new float[] {1, 0, 0, 2}, 2, 2).requiresGrad(true);
    Autograd.backward(Reductions.sum(MatMul.matmul(a, w)));
    // dW = Σ_batches aᵀ 1 = [[1 + 3, 1 + 3], [2 + 4, 2 + 4]]
    assertArrayEquals(new float[] {4, 4, 6, 6}, w.grad().data());
  }

  @Test
  void shapeErrors() {
    ShapeException inner = assertThrows(ShapeException.class,
        () -> MatMul.matmul(Tensor.ones(2, 3), Tensor.ones(2, 3)));
    assertTrue(inner.getMessage().contains("[2, 3] @ [2, 3]") && inner.getMessage().contains("3 vs 2"),
        inner.getMessage());
    ShapeException batch = assertThrows(ShapeException.class,
        () -> MatMul.matmul(Tensor.ones(2, 3, 4), Tensor.ones(3, 4, 5)));
    assertTrue(batch.getMessage().contains("batch"), batch.getMessage());
    ShapeException rank = assertThrows(ShapeException.class, () -> MatMul.matmul(Tensor.ones(3), Tensor.ones(3)));
    assertTrue(rank.getMessage().contains("not supported"), rank.getMessage());
    assertThrows(ShapeException.class, () -> MatMul.matmul(Tensor.ones(2, 3, 4), Tensor.ones(5, 6)));
    assertThrows(ShapeException.class, () -> MatMul.matmul(Tensor.ones(3, 4), Tensor.ones(2, 4, 5)));
  }

  @Test
  void gradChecks() {
    Rng rng = new Rng(51);
    Tensor a = Tensor.randn(rng, 3, 4).requiresGrad(true);
    Tensor b = Tensor.randn(rng, 4, 2).requiresGrad(true);
    assertGradCheck(in -> MatMul.matmul(in[0], in[1]), a, b);
    Tensor ba = Tensor.randn(rng, 2, 3, 4).requiresGrad(true);
    Tensor bb = Tensor.randn(rng, 2, 4, 2).requiresGrad(true);
    assertGradCheck(in -> MatMul.matmul(in[0], in[1]), ba, bb);
    assertGradCheck(in -> MatMul.matmul(in[0], in[1]), ba, b);
  }
}
