package org.deepgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class StandardizerTest {
  // Column 0: 1, 3, 5, 7 (mean 4, population std sqrt(5)); column 1 constant 2.
  private final Dataset train = new Dataset(Tensor.of(new float[] {1, 2, 3, 2, 5, 2, 7, 2}, 4, 2), new int[] {0, 1, 0, 1}, 2);
  private final Dataset test = new Dataset(Tensor.of(new float[] {100, 50, 104, 60}, 2, 2), new int[] {1, 0}, 2);

  @Test
  void fitsOnTrainingStatisticsAndAppliesThemToTest() {
    Standardizer s = Standardizer.fit(train);
    assertArrayEquals(new float[] {4, 2}, s.mean());
    assertEquals((float) Math.sqrt(5), s.std()[0], 1e-6f);
    assertEquals(1f, s.std()[1], "a constant feature is only centred");
    Dataset t = s.apply(test);
    float r5 = (float) Math.sqrt(5);
    // With the test set's own statistics the first column would be (-1, 1); with train's it stays far off.
    assertArrayEquals(new float[] {96 / r5, 48, 100 / r5, 58}, t.features().data(), 1e-4f);
    assertSame(test.labels(), t.labels());
    assertEquals(100f, test.features().get(0, 0), "apply copies");
    Dataset z = s.apply(train);
    double mean = 0;
    double sq = 0;
    for (int i = 0; i < 4; i++) {
      mean += z.features().get(i, 0) / 4.0;
      sq += z.features().get(i, 0) * z.features().get(i, 0) / 4.0;
    }
    assertEquals(0, mean, 1e-6);
    assertEquals(1, sq, 1e-6, "training features end with mean 0 and variance 1");
  }

  @Test
  void globalFitUsesOneMeanAndStdForAllFeatures() {
    Standardizer g = Standardizer.fitGlobal(train);
    assertEquals(1, g.mean().length);
    assertEquals(3f, g.mean()[0], 1e-6f); // (1+3+5+7+2*4)/8
    assertEquals((float) Math.sqrt(3.5), g.std()[0], 1e-6f); // squared deviations sum to 28
    assertArrayEquals(new float[] {(100 - 3) / (float) Math.sqrt(3.5), (50 - 3) / (float) Math.sqrt(3.5)},
        new float[] {g.apply(test).features().get(0, 0), g.apply(test).features().get(0, 1)}, 1e-4f);
  }

  @Test
  void rejectsMismatchedFeaturesAndBadStatistics() {
    Standardizer s = Standardizer.fit(train);
    String m = assertThrows(IllegalArgumentException.class, () -> s.apply(Tensor.zeros(2, 3))).getMessage();
    assertTrue(m.contains("[2, 3]") && m.contains("[n, 2]"), m);
    assertThrows(IllegalArgumentException.class, () -> new Standardizer(new float[] {0}, new float[] {0}));
    assertThrows(IllegalArgumentException.class, () -> new Standardizer(new float[] {0, 1}, new float[] {1}));
    assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(train.slice(0, 0)));
  }
}
