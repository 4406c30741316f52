package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deepgrad.nn.Activation.Kind;
import org.deepgrad.nn.Parameter;
import org.deepgrad.ops.SumOfSquares;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
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

  /** numpy's linear-interpolation q-quantile of ascending {@code s}. */
  private static double quantile(float[] s, double q) {
    double h = (s.length - 1) * q;
    int i = (int) Math.floor(h);
    return i + 1 < s.length ? s[i] + (h - i) * ((double) s[i + 1] - s[i]) : s[i];
  }

  /** A direct transcription of the definitions in Summary's and Histogram's Javadoc. */
  private static void matchesTheDefinitions(float[] values) {
    float[] x = new float[values.length];
    int n = 0;
    for (float v : values) if (Float.isFinite(v)) x[n++] = v;
    x = Arrays.copyOf(x, n);
    double mean = 0;
    for (float v : x) mean += v;
    mean /= n;
    double dev = 0;
    double sq = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : x) {
      dev += (v - mean) * (v - mean);
      sq += (double) v * v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long[] bins = new long[Histogram.BINS];
    for (float v : x) bins[(int) Math.min(Histogram.BINS - 1, Math.floor((v - min) / (max - min) * Histogram.BINS))]++;
    int m = Math.min(n, Summary.PERCENTILE_SAMPLE); // evenly spaced values: index ⌊j·n / m⌋
    float[] sample = new float[m];
    for (int j = 0; j < m; j++) sample[j] = x[(int) ((long) j * n / m)];
    Arrays.sort(sample);

    Summary s = Summary.of(values);
    String what = values.length + " values";
    assertEquals(values.length - n, s.nonFinite(), what);
    assertEquals(mean, s.mean(), 1e-12 * Math.abs(mean), what);
    assertEquals(Math.sqrt(dev / n), s.std(), 1e-12 * s.std(), what);
    assertEquals(Math.sqrt(sq), s.norm(), 1e-12 * s.norm(), what);
    assertEquals(min, s.min(), what);
    assertEquals(max, s.max(), what);
    assertEquals(quantile(sample, 0.01), s.p1(), 0.0, what);
    assertEquals(quantile(sample, 0.5), s.p50(), 0.0, what);
    assertEquals(quantile(sample, 0.99), s.p99(), 0.0, what);
    assertArrayEquals(bins, s.histogram().counts(), what);
  }

  @Test
  void everyStatisticMatchesItsDefinitionBelowAndAboveThePercentileSample() {
    Rng rng = new Rng(11);
    for (int n : new int[] {1, 3, 7, 100, 8192, 8193, 20000, 65536}) {
      float[] relu = new float[n];
      float[] grad = new float[n];
      for (int i = 0; i < n; i++) {
        relu[i] = Math.max(0, rng.nextFloat() - 0.5f);
        grad[i] = (rng.nextFloat() - 0.5f) * 1e-3f;
      }
      if (n > 3) {
        grad[n / 3] = Float.NaN;
        grad[n / 2] = Float.NEGATIVE_INFINITY;
      }
      matchesTheDefinitions(relu);
      matchesTheDefinitions(grad);
    }
  }

  @Test
  void parameterNormsSkipAndCountNonFiniteEntries() {
    Parameter p = new Parameter(Tensor.of(new float[] {3, Float.NaN, 4, 0}, 2, 2), Parameter.Role.WEIGHT);
    p.value().accumulateGrad(Tensor.of(new float[] {1, Float.POSITIVE_INFINITY, 2, 2}, 2, 2));
    ParamStats s = ParamStats.of("w", p, SumOfSquares.of(p.grad().data()));
    assertEquals(1, s.nonFiniteGrad());
    assertEquals(3, s.gradNorm(), 1e-12); // √(1 + 4 + 4)
    assertEquals(1.5, s.gradRms(), 1e-12);
    assertEquals(1, s.nonFiniteWeight());
    assertEquals(5, s.weightNorm(), 1e-12);
    assertTrue(Double.isNaN(s.withUpdate(new float[] {3, Float.NaN, 4, 0}, new float[] {3, 1, 4, 0}).updateRatio()));
    Parameter q = new Parameter(Tensor.of(new float[] {3, 0, 4, 0, 0}, 5), Parameter.Role.WEIGHT);
    ParamStats t = ParamStats.of("q", q, 0); // no gradient reached it
    assertEquals(0, t.gradNorm());
    assertEquals(0, t.nonFiniteWeight());
    assertEquals(5, t.weightNorm(), 1e-12);
    assertEquals(0.2, t.withUpdate(new float[] {3, 0, 4, 0, 0}, new float[] {3, 0.6f, 4, 0, 0.8f}).updateRatio(), 1e-7);
  }

  @Test
  void updateRatiosOfLargeTensorsMatchDoubleSums() {
    Rng rng = new Rng(5);
    float[] before = new float[100_003];
    float[] after = new float[before.length];
    double diff = 0;
    double base = 0;
    for (int i = 0; i < before.length; i++) {
      before[i] = (rng.nextFloat() - 0.5f) * 0.1f;
      after[i] = before[i] - (rng.nextFloat() - 0.5f) * 1e-4f;
      diff += ((double) after[i] - before[i]) * ((double) after[i] - before[i]);
      base += (double) before[i] * before[i];
    }
    Parameter p = new Parameter(Tensor.of(before.clone(), before.length), Parameter.Role.WEIGHT);
    ParamStats s = ParamStats.of("w", p, 0).withUpdate(before.clone(), after);
    // SumOfSquares sums blocks in float lanes: relative error within about 1e-6
    assertEquals(Math.sqrt(base), s.weightNorm(), 2e-6 * Math.sqrt(base));
    assertEquals(Math.sqrt(diff / base), s.updateRatio(), 2e-6 * Math.sqrt(diff / base));
  }
}
