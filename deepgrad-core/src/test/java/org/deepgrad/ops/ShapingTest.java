package org.deepgrad.ops;

import static org.deepgrad.testing.GradChecks.assertGradCheck;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ShapingTest {

  private static Tensor arange(int... dims) {
    float[] v = new float[Shape.of(dims).size()];
    for (int i = 0; i < v.length; i++) v[i] = i;
    return Tensor.of(v, dims);
  }

  @Test
  void reshapeIsAViewAndInfersOneDimension() {
    Tensor x = arange(2, 3);
    Tensor y = Shaping.reshape(x, 3, -1);
    assertEquals(Shape.of(3, 2), y.shape());
    assertSame(x.data(), y.data(), "a view shares the data");
    assertEquals(Shape.of(6), Shaping.reshape(x, -1).shape());
    assertEquals(Shape.of(1, 6, 1), Shaping.reshape(x, 1, -1, 1).shape());
    assertEquals(Shape.of(), Shaping.reshape(Tensor.ones(1, 1), new int[0]).shape());
  }

  @Test
  void reshapeErrorsNameBothShapes() {
    Tensor x = arange(2, 3);
    ShapeException size = assertThrows(ShapeException.class, () -> Shaping.reshape(x, 4, 2));
    assertTrue(size.getMessage().contains("[2, 3]") && size.getMessage().contains("[4, 2]"), size.getMessage());
    ShapeException twoFree = assertThrows(ShapeException.class, () -> Shaping.reshape(x, -1, -1));
    assertTrue(twoFree.getMessage().contains("at most one -1"), twoFree.getMessage());
    assertThrows(ShapeException.class, () -> Shaping.reshape(x, 4, -1), "6 is not a multiple of 4");
    assertThrows(ShapeException.class, () -> Shaping.reshape(x, 0, -1), "ambiguous with a 0 dimension");
    assertThrows(ShapeException.class, () -> Shaping.reshape(x, -2, -3));
  }

  @Test
  void transposeValues() {
    // [[0, 1, 2], [3, 4, 5]]^T
    assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, Shaping.transpose(arange(2, 3), 0, 1).data());
    // swapping dims 0 and 2 of x[i, j, k] = 12i + 4j + k: y[k, j, i] = x[i, j, k]
    Tensor y = Shaping.transpose(arange(2, 3, 4), 0, -1);
    assertEquals(Shape.of(4, 3, 2), y.shape());
    for (int k = 0; k < 4; k++) {
      for (int j = 0; j < 3; j++) {
        for (int i = 0; i < 2; i++) assertEquals(12 * i + 4 * j + k, y.get(k, j, i));
      }
    }
    Tensor last = Shaping.transpose(arange(2, 3, 4), -1, -2);
    assertEquals(Shape.of(2, 4, 3), last.shape());
    assertEquals(12 + 4 * 2 + 1, last.get(1, 1, 2));
    assertArrayEquals(arange(2, 3).data(), Shaping.transpose(arange(2, 3), 1, 1).data());
    assertThrows(ShapeException.class, () -> Shaping.transpose(arange(2, 3), 0, 2));
  }

  @Test
  void concatAlongEachAxis() {
    Tensor a = arange(2, 2);
    Tensor b = Tensor.of(new float[] {9, 8}, 1, 2);
    assertArrayEquals(new float[] {0, 1, 2, 3, 9, 8}, Shaping.concat(0, a, b).data());
    Tensor c = Tensor.of(new float[] {7, 6, 5, 4}, 2, 2);
    Tensor side = Shaping.concat(-1, a, c);
    assertEquals(Shape.of(2, 4), side.shape());
    assertArrayEquals(new float[] {0, 1, 7, 6, 2, 3, 5, 4}, side.data());
  }

  @Test
  void concatSplitsTheGradientBack() {
    Tensor a = arange(2, 1).requiresGrad(true);
    Tensor b = arange(2, 2).requiresGrad(true);
    Autograd.backward(Shaping.concat(1, a, b), Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    assertArrayEquals(new float[] {1, 4}, a.grad().data());
    assertArrayEquals(new float[] {2, 3, 5, 6}, b.grad().data());
  }

  @Test
  void concatErrors() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Shaping.concat(0, Tensor.ones(2, 3), Tensor.ones(2, 4)));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[2, 4]"), e.getMessage());
    assertThrows(ShapeException.class, () -> Shaping.concat(0, Tensor.ones(2, 3), Tensor.ones(3)));
    assertThrows(IllegalArgumentException.class, () -> Shaping.concat(0));
  }

  @Test
  void sliceRowsCopiesAndValidates() {
    Tensor x = arange(4, 2).requiresGrad(true);
    Tensor s = Shaping.sliceRows(x, 1, 3);
    assertEquals(Shape.of(2, 2), s.shape());
    assertArrayEquals(new float[] {2, 3, 4, 5}, s.data());
    Autograd.backward(Reductions.sum(s));
    assertArrayEquals(new float[] {0, 0, 1, 1, 1, 1, 0, 0}, x.grad().data());
    assertEquals(Shape.of(0, 2), Shaping.sliceRows(x, 4, 4).shape());
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> Shaping.sliceRows(x, 2, 5));
    assertTrue(e.getMessage().contains("[2, 5)") && e.getMessage().contains("[4, 2]"), e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> Shaping.sliceRows(x, -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> Shaping.sliceRows(x, 3, 2));
    assertThrows(ShapeException.class, () -> Shaping.sliceRows(Tensor.scalar(1f), 0, 1));
  }

  @Test
  void indexRowsGathersWithRepeatsAndScatterAdds() {
    Tensor x = arange(3, 2).requiresGrad(true);
    Tensor y = Shaping.indexRows(x, new int[] {2, 0, 2});
    assertEquals(Shape.of(3, 2), y.shape());
    assertArrayEquals(new float[] {4, 5, 0, 1, 4, 5}, y.data());
    Autograd.backward(Reductions.sum(y));
    assertArrayEquals(new float[] {1, 1, 0, 0, 2, 2}, x.grad().data());
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> Shaping.indexRows(x, new int[] {0, 3}));
    assertTrue(e.getMessage().contains("rows[1] = 3"), e.getMessage());
  }

  @Test
  void gatherPicksOneColumnPerRow() {
    Tensor x = arange(3, 4).requiresGrad(true);
    Tensor y = Shaping.gather(x, new int[] {3, 0, 2});
    assertEquals(Shape.of(3), y.shape());
    assertArrayEquals(new float[] {3, 4, 10}, y.data());
    Autograd.backward(y, Tensor.of(new float[] {1, 2, 3}, 3));
    assertArrayEquals(new float[] {0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 3, 0}, x.grad().data());
  }

  @Test
  void gatherErrors() {
    Tensor x = arange(3, 4);
    IndexOutOfBoundsException range = assertThrows(IndexOutOfBoundsException.class,
        () -> Shaping.gather(x, new int[] {0, 4, 1}));
    assertTrue(range.getMessage().contains("index[1] = 4") && range.getMessage().contains("[0, 4)"),
        range.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> Shaping.gather(x, new int[] {0, -1, 1}));
    ShapeException count = assertThrows(ShapeException.class, () -> Shaping.gather(x, new int[] {0, 1}));
    assertTrue(count.getMessage().contains("2 indices"), count.getMessage());
    assertThrows(ShapeException.class, () -> Shaping.gather(arange(3), new int[] {0, 1, 2}));
  }

  @Test
  void indicesAreCopiedSoLaterChangesDoNotAffectBackward() {
    Tensor x = arange(2, 2).requiresGrad(true);
    int[] index = {1, 0};
    Tensor y = Shaping.gather(x, index);
    index[0] = 0;
    Autograd.backward(Reductions.sum(y));
    assertArrayEquals(new float[] {0, 1, 1, 0}, x.grad().data());
  }

  @Test
  void gradChecks() {
    Rng rng = new Rng(31);
    Tensor x = Tensor.randn(rng, 2, 3, 4).requiresGrad(true);
    assertGradCheck(in -> Shaping.reshape(in[0], 4, -1), x);
    assertGradCheck(in -> Shaping.transpose(in[0], 0, 2), x);
    assertGradCheck(in -> Shaping.transpose(in[0], -1, 1), x);
    assertGradCheck(in -> Shaping.sliceRows(in[0], 1, 2), x);
    assertGradCheck(in -> Shaping.indexRows(in[0], new int[] {1, 1, 0}), x);
    Tensor a = Tensor.randn(rng, 2, 1, 4).requiresGrad(true);
    Tensor b = Tensor.randn(rng, 2, 2, 4).requiresGrad(true);
    assertGradCheck(in -> Shaping.concat(1, in[0], in[1], in[2]), a, x, b);
    Tensor m = Tensor.randn(rng, 4, 3).requiresGrad(true);
    assertGradCheck(in -> Shaping.gather(in[0], new int[] {2, 0, 0, 1}), m);
  }
}
