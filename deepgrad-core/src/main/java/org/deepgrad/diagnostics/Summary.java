package org.deepgrad.diagnostics;

import java.util.Arrays;

/**
 * Statistics of one tensor's values: an activation or a gradient of a sampled step. Every statistic is
 * over the finite values; the non-finite ones are only counted.
 *
 * <pre>
 * mean  μ = Σx / n        std  σ = √(Σ(x − μ)² / n)  (the population form, as numpy; torch.std divides by n − 1)
 * norm  ‖x‖₂ = √(Σx²)     rms  ‖x‖₂ / √n
 * pq    the q-quantile with linear interpolation (numpy's default): h = (n − 1)·q,
 *       pq = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) over the sorted values x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎
 *       (over {@link #PERCENTILE_SAMPLE} evenly spaced values when there are more)
 * </pre>
 *
 * @param count the number of values, finite or not
 * @param nonFinite how many are NaN or infinite
 * @param mean μ
 * @param std σ; σ² is the variance Glorot &amp; Bengio 2010 plot for back-propagated gradients
 * @param norm ‖x‖₂
 * @param rms ‖x‖₂ / √n, comparable across tensors of different sizes
 * @param min the smallest value
 * @param p1 the 1st percentile
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param max the largest value
 * @param histogram the values in {@link Histogram#BINS} bins
 */
public record Summary(int count, int nonFinite, double mean, double std, double norm, double rms, double min,
    double p1, double p50, double p99, double max, Histogram histogram) {

  /**
   * Percentiles of more values than this come from this many evenly spaced ones (finding them among a
   * layer's 65k activations cost more than the rest of a sampled step); the other statistics use every value.
   */
  public static final int PERCENTILE_SAMPLE = 8192;

  /**
   * The statistics of {@code values} (not modified); NaN statistics when no value is finite. Two passes
   * over the values (the sum; squares, deviations and extremes) in partial sums, so the additions do
   * not wait on each other, then the histogram's and the percentiles' ({@link Percentiles}, on at
   * most {@link #PERCENTILE_SAMPLE} values). The values are copied only when some are not finite.
   */
  public static Summary of(float[] values) {
    float[] x = values;
    double sum = sum(x);
    if (!Double.isFinite(sum)) { // a NaN or an infinity: finite floats cannot overflow a double sum
      x = finite(values);
      sum = sum(x);
    }
    int n = x.length;
    double mean = sum / n;
    double sq0 = 0, sq1 = 0, dev0 = 0, dev1 = 0;
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      float a = x[i];
      float b = x[i + 1];
      sq0 += (double) a * a;
      sq1 += (double) b * b;
      dev0 += (a - mean) * (a - mean);
      dev1 += (b - mean) * (b - mean);
      if (a < min) min = a; // comparisons, not Math.min: no NaN here, and they cost a third as much
      if (a > max) max = a;
      if (b < min) min = b;
      if (b > max) max = b;
    }
    if (i < n) {
      float a = x[i];
      sq0 += (double) a * a;
      dev0 += (a - mean) * (a - mean);
      if (a < min) min = a;
      if (a > max) max = a;
    }
    double norm = n == 0 ? Double.NaN : Math.sqrt(sq0 + sq1);
    double[] p = Percentiles.of(sample(x, n), 0.01, 0.5, 0.99);
    return new Summary(values.length, values.length - n, mean, Math.sqrt((dev0 + dev1) / n), norm,
        norm / Math.sqrt(n), n == 0 ? Double.NaN : min, p[0], p[1], p[2], n == 0 ? Double.NaN : max,
        Histogram.of(x, n, min, max));
  }

  /** Σx in four partial sums. */
  private static double sum(float[] x) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 3 < x.length; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < x.length; i++) s0 += x[i];
    return (s0 + s1) + (s2 + s3);
  }

  /** The finite values of {@code values}, in order. */
  private static float[] finite(float[] values) {
    int n = 0;
    for (float v : values) if (Float.isFinite(v)) n++;
    float[] x = new float[n];
    int j = 0;
    for (float v : values) if (Float.isFinite(v)) x[j++] = v;
    return x;
  }

  /** A copy of the first {@code n} values of {@code x}, or {@link #PERCENTILE_SAMPLE} evenly spaced ones of them. */
  static float[] sample(float[] x, int n) {
    if (n <= PERCENTILE_SAMPLE) return Arrays.copyOf(x, n);
    float[] s = new float[PERCENTILE_SAMPLE];
    for (int j = 0; j < s.length; j++) s[j] = x[(int) ((long) j * n / PERCENTILE_SAMPLE)];
    return s;
  }

  /** The variance σ². */
  public double variance() {
    return std * std;
  }
}
