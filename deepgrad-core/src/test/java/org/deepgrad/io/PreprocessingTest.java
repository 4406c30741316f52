package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.data.Standardizer;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PreprocessingTest {

  @Test
  void appliesScaleThenMeanAndStdPerFeatureOrForAll() {
    Tensor raw = Tensor.of(new float[] {2, 4, 6, 8}, 2, 2);
    Preprocessing perFeature = new Preprocessing(0.5, new float[] {1, 2}, new float[] {2, 4});
    assertArrayEquals(new float[] {0, 0, 1, 0.5f}, perFeature.apply(raw).data());
    assertArrayEquals(new float[] {1, 2, 3, 4}, new Preprocessing(0.5, null, null).apply(raw).data());
    assertArrayEquals(new float[] {1, 3, 5, 7}, new Preprocessing(1, new float[] {1}, null).apply(raw).data());
    assertArrayEquals(new float[] {1, 2, 3, 4}, new Preprocessing(1, null, new float[] {2}).apply(raw).data());
    assertArrayEquals(raw.data(), Preprocessing.identity().apply(raw).data());
    assertArrayEquals(new float[] {2, 4, 6, 8}, raw.data(), "the input is not modified");
  }

  @Test
  void matchesTheDataPipelineBitForBit() {
    float[] bytes = new float[256];
    float[] scaled = new float[256];
    for (int b = 0; b < 256; b++) {
      bytes[b] = b;
      scaled[b] = b / 255f; // Transforms.scaleBytes
    }
    Standardizer s = new Standardizer(new float[] {0.1307f}, new float[] {0.3081f});
    Preprocessing p = new Preprocessing(1 / 255.0, s.mean(), s.std());
    assertArrayEquals(s.apply(Tensor.of(scaled, 1, 256)).data(), p.apply(Tensor.of(bytes, 1, 256)).data());
  }

  private static void rejects(Executable make, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void rejectsBadValuesAndShapes() {
    rejects(() -> new Preprocessing(0, null, null), "scale is 0.0");
    rejects(() -> new Preprocessing(Double.NaN, null, null), "finite and non-zero");
    rejects(() -> new Preprocessing(1, new float[] {1, 2}, new float[] {1}), "2 means but 1 stds");
    rejects(() -> new Preprocessing(1, null, new float[] {1, 0}), "std[1] is 0.0");
    rejects(() -> new Preprocessing(1, new float[] {Float.NaN}, null), "mean[0] is NaN");
    rejects(() -> new Preprocessing(1, new float[0], null), "mean is empty");
    Preprocessing p = new Preprocessing(1, new float[] {1, 2, 3}, null);
    rejects(() -> p.apply(Tensor.zeros(2, 4)), "expects [n, 3]");
    rejects(() -> p.apply(Tensor.zeros(3)), "expects [n, 3]");
  }

  @Test
  void comparesArraysByValueAndCopiesThem() {
    float[] mean = {1, 2};
    Preprocessing p = new Preprocessing(2, mean, null);
    mean[0] = 9;
    p.mean()[1] = 9;
    assertArrayEquals(new float[] {1, 2}, p.mean());
    assertNull(p.std());
    assertEquals(new Preprocessing(2, new float[] {1, 2}, null), p);
    assertEquals(new Preprocessing(2, new float[] {1, 2}, null).hashCode(), p.hashCode());
    assertNotEquals(new Preprocessing(2, new float[] {1, 3}, null), p);
  }
}
