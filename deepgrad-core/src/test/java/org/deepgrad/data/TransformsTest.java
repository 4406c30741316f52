package org.deepgrad.data;

import static org.deepgrad.data.IdxFiles.ramp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TransformsTest {
  @Test
  void scaleBytesMapsZeroTo255OntoTheUnitInterval() {
    Dataset d = new Dataset(Tensor.of(new float[] {0, 51, 255, 127.5f}, 2, 2), new int[] {0, 1}, 2);
    Dataset s = Transforms.scaleBytes(d);
    assertArrayEquals(new float[] {0, 0.2f, 1, 0.5f}, s.features().data(), 1e-7f);
    assertSame(d.labels(), s.labels());
    assertEquals(255f, d.features().get(1, 0), "the source is not changed");
  }

  @Test
  void scaleBytesRejectsValuesThatAreNotBytes() {
    Dataset d = new Dataset(Tensor.of(new float[] {0, 1, 2, 300}, 2, 2), new int[] {0, 1}, 2);
    String m = assertThrows(IllegalArgumentException.class, () -> Transforms.scaleBytes(d)).getMessage();
    assertTrue(m.contains("sample 1, feature 1 is 300.0"), m);
    Regression r = new Regression(Tensor.of(new float[] {-1}, 1, 1), Tensor.zeros(1, 1));
    assertThrows(IllegalArgumentException.class, () -> Transforms.scaleBytes(r));
  }

  @Test
  void scaleBytesOfIdxGivesOneRowPerItem() {
    IdxData idx = new IdxData("t", new int[] {2, 3, 50}, ramp(300));
    Tensor x = Transforms.scaleBytes(idx);
    assertArrayEquals(new int[] {2, 150}, x.shape().dims());
    assertEquals(200 / 255f, x.get(1, 50));
    assertEquals(38 / 255f, x.get(1, 144), "flat index 294 holds byte 294 mod 256 = 38, read unsigned");
  }

  @Test
  void flattenKeepsTheSampleDimensionAndSharesData() {
    Tensor images = Tensor.zeros(4, 2, 3);
    Tensor flat = Transforms.flatten(images);
    assertArrayEquals(new int[] {4, 6}, flat.shape().dims());
    assertSame(images.data(), flat.data());
    assertArrayEquals(new int[] {5, 1}, Transforms.flatten(Tensor.zeros(5)).shape().dims());
    assertThrows(IllegalArgumentException.class, () -> Transforms.flatten(Tensor.scalar(1)));
  }
}
