package org.deepgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private final Dataset five = new Dataset(
      Tensor.of(new float[] {0, 1, 10, 11, 20, 21, 30, 31, 40, 41}, 5, 2), new int[] {0, 1, 2, 1, 0}, 3);

  @Test
  void sliceCopiesRowsAndLabelsInOrder() {
    Dataset s = five.slice(1, 4);
    assertEquals(3, s.size());
    assertArrayEquals(new float[] {10, 11, 20, 21, 30, 31}, s.features().data());
    assertArrayEquals(new int[] {1, 2, 1}, s.labels());
    s.features().data()[0] = -1;
    assertEquals(10f, five.features().get(1, 0), "a slice must not write through to its source");
  }

  @Test
  void splitKeepsOrderAndCoversEverySample() {
    Dataset.Split sp = five.split(3);
    assertArrayEquals(new int[] {0, 1, 2}, sp.train().labels());
    assertArrayEquals(new int[] {1, 0}, sp.test().labels());
    assertArrayEquals(new float[] {30, 31, 40, 41}, sp.test().features().data());
    assertEquals(0, five.split(0).train().size());
    assertEquals(5, five.split(5).train().size());
  }

  @Test
  void classCountsIsTheLabelHistogram() {
    assertArrayEquals(new int[] {2, 2, 1}, five.classCounts());
  }

  @Test
  void rejectsInconsistentData() {
    Tensor x = Tensor.zeros(2, 3);
    String m = assertThrows(IllegalArgumentException.class, () -> new Dataset(x, new int[] {0}, 2)).getMessage();
    assertTrue(m.contains("2 feature rows but 1 labels"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new Dataset(x, new int[] {0, 2}, 2)).getMessage();
    assertTrue(m.contains("label 1 is 2"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new Dataset(Tensor.zeros(6), new int[6], 2)).getMessage();
    assertTrue(m.contains("expected [n, d]"), m);
    assertThrows(IndexOutOfBoundsException.class, () -> five.slice(3, 6));
    assertThrows(IllegalArgumentException.class, () -> five.split(-1));
  }
}
