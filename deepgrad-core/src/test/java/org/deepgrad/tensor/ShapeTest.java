package org.deepgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShapeTest {

  @Test
  void broadcastAlignsOnTheLastDimension() {
    assertEquals(Shape.of(4, 3), Shape.broadcast("t", Shape.of(4, 3), Shape.of(3)));
    assertEquals(Shape.of(4, 3), Shape.broadcast("t", Shape.of(4, 1), Shape.of(1, 3)));
    assertEquals(Shape.of(2, 3, 4), Shape.broadcast("t", Shape.of(2, 3, 4), Shape.of(3, 1)));
    assertEquals(Shape.of(2, 3, 4), Shape.broadcast("t", Shape.of(3, 1), Shape.of(2, 3, 4)));
    assertEquals(Shape.of(5), Shape.broadcast("t", Shape.of(), Shape.of(5)));
    assertEquals(Shape.of(), Shape.broadcast("t", Shape.of(), Shape.of()));
    assertEquals(Shape.of(0, 3), Shape.broadcast("t", Shape.of(0, 1), Shape.of(3)), "a 1 stretches to 0 too");
  }

  @Test
  void broadcastErrorNamesTheOpTheShapesAndTheRule() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Shape.broadcast("add", Shape.of(4, 3), Shape.of(4)));
    String m = e.getMessage();
    assertTrue(m.startsWith("add:") && m.contains("[4, 3] and [4]") && m.contains("3 vs 4")
        && m.contains("equal or 1"), m);
    assertThrows(ShapeException.class, () -> Shape.broadcast("mul", Shape.of(2, 3), Shape.of(3, 3)));
  }

  @Test
  void broadcastStridesAreZeroOnStretchedDimensions() {
    Shape target = Shape.of(2, 4, 3);
    assertArrayEquals(new int[] {0, 0, 1}, Shape.of(3).broadcastStrides(target));
    assertArrayEquals(new int[] {0, 1, 0}, Shape.of(4, 1).broadcastStrides(target));
    assertArrayEquals(new int[] {12, 3, 1}, target.broadcastStrides(target));
  }

  @Test
  void sizesStridesAndAxes() {
    Shape s = Shape.of(2, 3, 4);
    assertEquals(24, s.size());
    assertEquals(1, Shape.of().size());
    assertEquals(0, Shape.of(3, 0).size());
    assertArrayEquals(new int[] {12, 4, 1}, s.strides());
    assertEquals(4, s.dim(-1));
    assertEquals(0, s.axis(-3, "t"));
    assertEquals(2, s.outer(1));
    assertEquals(4, s.inner(1));
    assertEquals(Shape.of(2, 1, 4), s.with(1, 1));
    assertEquals(Shape.of(2, 4), s.without(1));
    assertEquals(Shape.of(), Shape.of(7).without(0));
    ShapeException e = assertThrows(ShapeException.class, () -> s.axis(3, "sum"));
    assertTrue(e.getMessage().startsWith("sum: axis 3") && e.getMessage().contains("[-3, 2]"), e.getMessage());
    assertThrows(ShapeException.class, () -> s.axis(-4, "sum"));
  }

  @Test
  void dimsAreCopiedAndInvalidShapesRejected() {
    int[] d = {2, 3};
    Shape s = Shape.of(d);
    d[0] = 9;
    assertEquals(Shape.of(2, 3), s);
    s.dims()[1] = 9;
    assertEquals(3, s.dim(1));
    assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -1));
    IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> Shape.of(65536, 65536));
    assertTrue(big.getMessage().contains("2^31"), big.getMessage());
  }
}
