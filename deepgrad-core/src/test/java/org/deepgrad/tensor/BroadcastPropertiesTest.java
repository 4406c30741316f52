package org.deepgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of NumPy broadcasting ({@link Shape#broadcast}) over random shapes of rank 0 to 4 with
 * dimensions 0 to 3, so that equal dimensions, ones and conflicts all occur often.
 */
class BroadcastPropertiesTest {
  static final Gen<Shape> SHAPES = lists().of(integers().between(0, 3)).ofSizeBetween(0, 4)
      .map(l -> Shape.of(l.stream().mapToInt(Integer::intValue).toArray()));

  @Test
  void isCommutativeAndFollowsTheRule() {
    qt().withExamples(300).forAll(SHAPES, SHAPES).checkAssert((a, b) -> {
      if (!compatible(a, b)) {
        assertThrows(ShapeException.class, () -> Shape.broadcast("p", a, b));
        assertThrows(ShapeException.class, () -> Shape.broadcast("p", b, a));
        return;
      }
      Shape ab = Shape.broadcast("p", a, b);
      assertEquals(ab, Shape.broadcast("p", b, a));
      assertEquals(Math.max(a.rank(), b.rank()), ab.rank());
      for (Shape s : new Shape[] {a, b}) {
        for (int i = 0; i < s.rank(); i++) {
          int d = s.dim(i);
          int out = ab.dim(i + ab.rank() - s.rank());
          assertTrue(d == out || d == 1, s + " dimension " + i + " = " + d + " vs " + ab);
        }
      }
    });
  }

  @Test
  void aShapeBroadcastsWithItselfAndWithItsOnes() {
    qt().withExamples(200).forAll(SHAPES, longs().all()).checkAssert((a, seed) -> {
      assertEquals(a, Shape.broadcast("p", a, a));
      // Setting any dimensions to 1 and dropping leading ones gives a shape that broadcasts back to a.
      Rng rng = new Rng(seed);
      int[] d = a.dims();
      for (int i = 0; i < d.length; i++) if (rng.bernoulli(0.5)) d[i] = 1;
      Shape smaller = Shape.of(Arrays.copyOfRange(d, rng.nextInt(d.length + 1), d.length));
      assertEquals(a, Shape.broadcast("p", a, smaller));
      assertEquals(a, Shape.broadcast("p", smaller, a));
    });
  }

  @Test
  void aConflictNamesTheOpAndBothShapes() {
    qt().withExamples(200).forAll(SHAPES, integers().between(2, 5), integers().between(2, 5))
        .assuming((base, x, y) -> !x.equals(y) && base.rank() > 0)
        .checkAssert((base, x, y) -> {
          int[] d = base.dims();
          int[] e = base.dims();
          d[0] = x;
          e[0] = y;
          Shape a = Shape.of(d);
          Shape b = Shape.of(e);
          ShapeException ex = assertThrows(ShapeException.class, () -> Shape.broadcast("add", a, b));
          assertTrue(ex.getMessage().startsWith("add:") && ex.getMessage().contains(a + " and " + b), ex.getMessage());
        });
  }

  /** The rule, written independently: aligned from the end, dimensions equal or one of them 1. */
  private static boolean compatible(Shape a, Shape b) {
    for (int i = 1; i <= Math.min(a.rank(), b.rank()); i++) {
      int da = a.dim(a.rank() - i);
      int db = b.dim(b.rank() - i);
      if (da != db && da != 1 && db != 1) return false;
    }
    return true;
  }
}
