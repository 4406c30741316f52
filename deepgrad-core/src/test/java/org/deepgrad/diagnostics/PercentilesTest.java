package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

/** Selection gives the quantiles a full sort gives, on inputs that trouble quickselects. */
class PercentilesTest {
  private static final double[] QS = {0, 0.01, 0.25, 0.5, 0.99, 1};

  /** numpy's linear-interpolation quantile over a sorted copy: the definition. */
  private static double sorted(float[] x, double q) {
    float[] s = x.clone();
    Arrays.sort(s);
    double h = (s.length - 1) * q;
    int i = (int) Math.floor(h);
    return i + 1 < s.length ? s[i] + (h - i) * ((double) s[i + 1] - s[i]) : s[i];
  }

  private static void agrees(float[] x, String what) {
    double[] got = Percentiles.of(x.clone(), QS);
    for (int j = 0; j < QS.length; j++) assertEquals(sorted(x, QS[j]), got[j], 0.0, what + ", q = " + QS[j]);
  }

  @Test
  void matchesTheSortedDefinitionOnRandomInputs() {
    Rng rng = new Rng(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(trial < 250 ? 60 : 5000);
      int distinct = 1 + rng.nextInt(trial % 3 == 0 ? 3 : 1000); // few distinct values: many ties
      float[] x = new float[n];
      for (int i = 0; i < n; i++) x[i] = rng.nextInt(distinct) - distinct / 2f;
      agrees(x, "trial " + trial + ", n = " + n);
    }
  }

  @Test
  void matchesOnOrderedConstantAndHalfZeroInputs() {
    int n = 4099;
    float[] up = new float[n];
    float[] down = new float[n];
    float[] organ = new float[n]; // rises then falls
    float[] relu = new float[n]; // a ReLU's output: half zeros
    Rng rng = new Rng(1);
    for (int i = 0; i < n; i++) {
      up[i] = i;
      down[i] = n - i;
      organ[i] = Math.min(i, n - i);
      relu[i] = Math.max(0, rng.nextFloat() - 0.5f);
    }
    agrees(up, "ascending");
    agrees(down, "descending");
    agrees(organ, "organ pipe");
    agrees(relu, "relu");
    agrees(new float[n], "all zero");
    agrees(new float[] {5}, "one value");
    assertTrue(Arrays.stream(Percentiles.of(new float[0], 0.5)).allMatch(Double::isNaN));
  }

  @Test
  void aSelectionOutOfPartitionRoundsSortsTheRestAndStillPlacesTheValue() {
    Rng rng = new Rng(3);
    float[] x = new float[1000];
    for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat();
    float[] expected = x.clone();
    Arrays.sort(expected);
    for (int rounds = 0; rounds < 4; rounds++) {
      float[] y = x.clone();
      Percentiles.select(y, 0, y.length - 1, 123, rounds);
      assertEquals(expected[123], y[123]);
      for (int i = 0; i < 123; i++) assertTrue(y[i] <= y[123], "left of the rank at " + i);
      for (int i = 124; i < y.length; i++) assertTrue(y[i] >= y[123], "right of the rank at " + i);
    }
  }
}
