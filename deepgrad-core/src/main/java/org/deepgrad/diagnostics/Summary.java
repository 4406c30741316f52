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
   * The statistics of {@code values} (not modified); NaN statistics when no value is finite. Three
   * passes over the values (count, sum and extremes; squares and deviations; histogram), no copy
   * unless some value is not finite, and the percentiles by selection ({@link Percentiles}).
   */
  public static Summary of(float[] values) {
    int n = 0;
    double sum = 0;
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      if (Float.isFinite(v)) {
        n++;
        sum += v;
        if (v < min) min = v; // comparisons, not Math.min: no NaN here, and they cost a third as much
        if (v > max) max = v;
      }
    }
    float[] x = n == values.length ? values : finite(values, n);
    double mean = sum / n;
    double sq = 0;
    double dev = 0;
    for (int i = 0; i < n; i++) {
      float v = x[i];
      sq += (double) v * v;
      dev += (v - mean) * (v - mean);
    }
    double norm = n == 0 ? Double.NaN : Math.sqrt(sq);
    double[] p = Percentiles.of(sample(x, n), 0.01, 0.5, 0.99);
    return new Summary(values.length, values.length - n, mean, Math.sqrt(dev / n), norm, norm / Math.sqrt(n),
        n == 0 ? Double.NaN : min, p[0], p[1], p[2], n == 0 ? Double.NaN : max, Histogram.of(x, n, min, max));
  }

  /** The {@code n} finite values of {@code values}, in order. */
  private static float[] finite(float[] values, int n) {
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
