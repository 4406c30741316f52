package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deepgrad.nn.Activation.Kind;
import org.junit.jupiter.api.Test;

/** Summary, Histogram and Saturation against values computed by hand. */
class StatisticsTest {

  @Test
  void momentsNormsAndPercentilesOfTheFiniteValues() {
    Summary s = Summary.of(new float[] {3, 1, Float.NaN, 4, Float.POSITIVE_INFINITY, 2});
    assertEquals(6, s.count());
    assertEquals(2, s.nonFinite());
    assertEquals(2.5, s.mean(), 1e-12);
    assertEquals(Math.sqrt(1.25), s.std(), 1e-12); // (2.25 + 0.25 + 0.25 + 2.25) / 4
    assertEquals(1.25, s.variance(), 1e-12);
    assertEquals(Math.sqrt(30), s.norm(), 1e-12);
    assertEquals(Math.sqrt(30) / 2, s.rms(), 1e-12);
    assertEquals(1, s.min());
    assertEquals(4, s.max());
    assertEquals(2.5, s.p50(), 1e-12); // h = 1.5 between 2 and 3
    assertEquals(1.03, s.p1(), 1e-12); // h = 0.03: 1 + 0.03·(2 − 1)
    assertEquals(3.97, s.p99(), 1e-12); // h = 2.97: 3 + 0.97·(4 − 3)
  }

  @Test
  void histogramBinsSpanMinToMaxWithTheMaximumInTheLastBin() {
    Histogram h = Summary.of(new float[] {4, 0, 1, 2, 3, 0.1f}).histogram();
    assertEquals(0, h.lo());
    assertEquals(4, h.hi());
    long[] expected = new long[Histogram.BINS];
    expected[0] = 2; // 0 and 0.1 (0.1 / 4 · 32 = 0.8)
    expected[8] = 1; // 1 / 4 · 32 = 8
    expected[16] = 1;
    expected[24] = 1;
    expected[31] = 1; // the maximum: 32 clamped to the last bin
    assertArrayEquals(expected, h.counts());
  }

  @Test
  void equalValuesFallInTheFirstBinAndNoFiniteValueGivesNaN() {
    assertEquals(3, Summary.of(new float[] {7, 7, 7}).histogram().counts()[0]);
    assertEquals(0, Summary.of(new float[] {7, 7, 7}).std());
    Summary none = Summary.of(new float[] {Float.NaN, Float.NEGATIVE_INFINITY});
    assertEquals(2, none.nonFinite());
    assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.norm()) && Double.isNaN(none.p50()));
    assertEquals(0, Arrays.stream(none.histogram().counts()).sum());
  }

  @Test
  void saturationCountsTheFlatEndsOfEachActivation() {
    float[] sigmoid = {0.005f, 0.5f, 0.995f, 0.99f, Float.NaN}; // 0.99 itself is not beyond 0.99
    assertEquals(0.5, Saturation.fraction(Kind.SIGMOID, sigmoid), 1e-12);
    assertEquals(0.5, Saturation.fraction(Kind.TANH, new float[] {-0.995f, 0.5f, 0.991f, 0.99f}), 1e-12);
    assertEquals(0.5, Saturation.fraction(Kind.SOFTSIGN, new float[] {0.95f, -0.91f, 0.9f, 0}), 1e-12);
    assertTrue(Double.isNaN(Saturation.fraction(Kind.RELU, sigmoid)));
  }

  @Test
  void deadUnitsAreReluColumnsThatAreZeroOnEveryRow() {
    float[] a = {1, 0, 0, 0,
                 0, 0, 2, 0,
                 3, 0, 0, 0}; // three rows of four units: units 1 and 3 never fire
    assertEquals(0.5, Saturation.deadFraction(Kind.RELU, a, 4), 1e-12);
    assertTrue(Double.isNaN(Saturation.deadFraction(Kind.TANH, a, 4)));
  }
}
