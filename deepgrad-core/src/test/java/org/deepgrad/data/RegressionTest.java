package org.deepgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RegressionTest {
  // Sample i: features [i, 10 i], targets [100 i, -i].
  private final Regression four = new Regression(Tensor.of(new float[] {0, 0, 1, 10, 2, 20, 3, 30}, 4, 2),
      Tensor.of(new float[] {0, 0, 100, -1, 200, -2, 300, -3}, 4, 2));

  @Test
  void rowsSliceAndSplitKeepTargetsWithTheirFeatures() {
    Regression r = four.rows(new int[] {3, 1, 3});
    assertArrayEquals(new float[] {3, 30, 1, 10, 3, 30}, r.features().data());
    assertArrayEquals(new float[] {300, -3, 100, -1, 300, -3}, r.targets().data());
    Regression s = four.slice(1, 3);
    assertArrayEquals(new float[] {100, -1, 200, -2}, s.targets().data());
    Regression.Split sp = four.split(3);
    assertEquals(3, sp.train().size());
    assertArrayEquals(new float[] {300, -3}, sp.test().targets().data());
    assertEquals(2, four.inputSize());
    assertEquals(2, four.targetSize());
    r.targets().data()[0] = 7;
    assertEquals(300f, four.targets().get(3, 0), "rows are copies");
  }

  @Test
  void datasetRowsCopyLabelsToo() {
    Dataset d = new Dataset(Tensor.of(new float[] {0, 1, 2}, 3, 1), new int[] {2, 0, 1}, 3);
    Dataset r = d.rows(new int[] {2, 2, 0});
    assertArrayEquals(new float[] {2, 2, 0}, r.features().data());
    assertArrayEquals(new int[] {1, 1, 2}, r.labels());
    String m = assertThrows(IndexOutOfBoundsException.class, () -> d.rows(new int[] {0, 3})).getMessage();
    assertTrue(m.contains("row index 3 (position 1) is outside [0, 3)"), m);
  }

  @Test
  void rejectsShapesThatDoNotPair() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> new Regression(Tensor.zeros(3, 1), Tensor.zeros(3))).getMessage();
    assertTrue(m.contains("use [n, 1] for one output"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new Regression(Tensor.zeros(3, 1), Tensor.zeros(2, 1)))
        .getMessage();
    assertTrue(m.contains("3 feature rows but 2 target rows"), m);
    assertThrows(IllegalArgumentException.class, () -> new Regression(Tensor.zeros(3), Tensor.zeros(3, 1)));
    assertThrows(IndexOutOfBoundsException.class, () -> four.slice(2, 5));
    assertThrows(IllegalArgumentException.class, () -> four.split(5));
  }
}
