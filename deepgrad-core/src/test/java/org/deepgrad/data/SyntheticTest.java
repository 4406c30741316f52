package org.deepgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticTest {
  /** Least squares for y = a x + b with one input, in double: returns {a, b}. */
  private static double[] fitLine(Regression r) {
    int n = r.size();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
      double x = r.features().get(i, 0);
      double y = r.targets().get(i, 0);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double a = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return new double[] {a, (sy - a * sx) / n};
  }

  @Test
  void theArticlesYEquals2xIsRecoveredByLeastSquares() {
    Regression r = Synthetic.linear(100, new float[] {2}, 0, 0, 1);
    assertArrayEquals(new int[] {100, 1}, r.features().shape().dims());
    assertArrayEquals(new int[] {100, 1}, r.targets().shape().dims());
    double[] ab = fitLine(r);
    assertEquals(2, ab[0], 1e-5);
    assertEquals(0, ab[1], 1e-5);
    for (float x : r.features().data()) assertTrue(x >= -1 && x < 1, "x in [-1, 1)");
  }

  @Test
  void noisyLineIsRecoveredWithinItsStandardError() {
    // Slope error std = noise / sqrt(sum (x - mean)^2) ~ 0.1 / sqrt(10000 / 3) ~ 0.0017; 0.01 is ~6 sigma.
    double[] ab = fitLine(Synthetic.linear(10_000, new float[] {-3}, 0.5f, 0.1, 2));
    assertEquals(-3, ab[0], 0.01);
    assertEquals(0.5, ab[1], 0.01);
  }

  @Test
  void severalInputsGiveOneTargetColumn() {
    Regression r = Synthetic.linear(5, new float[] {1, -2, 3}, 4, 0, 9);
    assertEquals(3, r.inputSize());
    assertEquals(1, r.targetSize());
    for (int i = 0; i < 5; i++) {
      float expected = 4 + r.features().get(i, 0) - 2 * r.features().get(i, 1) + 3 * r.features().get(i, 2);
      assertEquals(expected, r.targets().get(i, 0), 1e-5f);
    }
  }

  @Test
  void spiralsAlternateClassesOnTwoInterleavedArms() {
    Dataset s = Synthetic.spirals(200, 0, 4);
    assertArrayEquals(new int[] {200, 2}, s.features().shape().dims());
    assertArrayEquals(new int[] {100, 100}, s.classCounts());
    for (int i = 0; i < 200; i++) {
      double x = s.features().get(i, 0);
      double y = s.features().get(i, 1);
      double t = Math.hypot(x, y);
      assertTrue(t < 1.0001, "radius t in [0, 1)");
      double expected = 3 * Math.PI * t + Math.PI * s.labels()[i];
      double diff = Math.IEEEremainder(Math.atan2(y, x) - expected, 2 * Math.PI);
      assertEquals(0, diff, 1e-3 / Math.max(t, 1e-3), "sample " + i + " lies on its class's arm");
      assertEquals(i % 2, s.labels()[i]);
    }
  }

  @Test
  void teacherLabelsAreDeterministicAndUseSeveralClasses() {
    Dataset a = Synthetic.teacher(500, 8, 16, 4, 7);
    Dataset b = Synthetic.teacher(500, 8, 16, 4, 7);
    Dataset c = Synthetic.teacher(500, 8, 16, 4, 8);
    assertArrayEquals(new int[] {500, 8}, a.features().shape().dims());
    assertEquals(4, a.classes());
    assertArrayEquals(a.features().data(), b.features().data());
    assertArrayEquals(a.labels(), b.labels());
    assertFalse(Arrays.equals(a.labels(), c.labels()));
    long used = Arrays.stream(a.classCounts()).filter(k -> k > 0).count();
    assertTrue(used >= 3, "classes used: " + Arrays.toString(a.classCounts()));
  }

  @Test
  void sameSeedSameDataDifferentSeedDifferentData() {
    assertArrayEquals(Synthetic.linear(20, new float[] {2}, 0, 0.1, 5).targets().data(),
        Synthetic.linear(20, new float[] {2}, 0, 0.1, 5).targets().data());
    assertFalse(Arrays.equals(Synthetic.linear(20, new float[] {2}, 0, 0.1, 5).features().data(),
        Synthetic.linear(20, new float[] {2}, 0, 0.1, 6).features().data()));
    assertArrayEquals(Synthetic.spirals(30, 0.1, 1).features().data(), Synthetic.spirals(30, 0.1, 1).features().data());
  }

  @Test
  void rejectsBadArguments() {
    String m = assertThrows(IllegalArgumentException.class, () -> Synthetic.linear(0, new float[] {2}, 0, 0, 1)).getMessage();
    assertTrue(m.startsWith("Synthetic.linear: n 0"), m);
    assertThrows(IllegalArgumentException.class, () -> Synthetic.linear(5, new float[] {2}, 0, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> Synthetic.spirals(5, Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> Synthetic.teacher(5, 2, 3, 1, 1));
  }
}
