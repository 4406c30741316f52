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

  /** The statistics of {@code values} (not modified); NaN statistics when no value is finite. */
  public static Summary of(float[] values) {
    float[] x = new float[values.length];
    int n = 0;
    double sum = 0;
    for (float v : values) {
      if (Float.isFinite(v)) {
        x[n++] = v;
        sum += v;
      }
    }
    x = Arrays.copyOf(x, n);
    Arrays.sort(x);
    double mean = sum / n;
    double sq = 0;
    double dev = 0;
    for (float v : x) {
      sq += (double) v * v;
      dev += (v - mean) * (v - mean);
    }
    double norm = n == 0 ? Double.NaN : Math.sqrt(sq);
    return new Summary(values.length, values.length - n, mean, Math.sqrt(dev / n), norm, norm / Math.sqrt(n),
        n == 0 ? Double.NaN : x[0], quantile(x, 0.01), quantile(x, 0.5), quantile(x, 0.99),
        n == 0 ? Double.NaN : x[n - 1], Histogram.of(x));
  }

  /** The q-quantile of ascending {@code x} with linear interpolation (numpy's default); NaN when empty. */
  static double quantile(float[] x, double q) {
    if (x.length == 0) return Double.NaN;
    double h = (x.length - 1) * q;
    int i = (int) Math.floor(h);
    return i + 1 < x.length ? x[i] + (h - i) * ((double) x[i + 1] - x[i]) : x[i];
  }

  /** The variance σ². */
  public double variance() {
    return std * std;
  }
}
