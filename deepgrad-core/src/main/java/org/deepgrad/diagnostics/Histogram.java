package org.deepgrad.diagnostics;

/**
 * Counts of values in {@link #BINS} equal-width bins spanning {@code [lo, hi]}, the observed minimum
 * and maximum (the style of the activation histograms of Glorot &amp; Bengio 2010, fig. 6). Value v
 * falls in bin {@code min(BINS − 1, ⌊(v − lo) / (hi − lo) · BINS⌋)}, so hi itself is in the last bin;
 * when every value is equal (lo = hi) they are all in bin 0.
 *
 * @param lo the smallest finite value (the left edge of bin 0)
 * @param hi the largest finite value (the right edge of the last bin)
 * @param counts how many finite values fall in each bin
 */
public record Histogram(double lo, double hi, long[] counts) {
  /** The number of bins: enough to show the shape of a distribution, small enough to keep every sample. */
  public static final int BINS = 32;

  /** Copies the counts so the record stays immutable. */
  public Histogram {
    counts = counts.clone();
  }

  /** The histogram of the first {@code n} values of {@code x}, finite and within [lo, hi] (NaN bounds when n is 0). */
  static Histogram of(float[] x, int n, double lo, double hi) {
    long[] counts = new long[BINS];
    if (n == 0) return new Histogram(Double.NaN, Double.NaN, counts);
    for (int i = 0; i < n; i++) {
      float v = x[i];
      counts[hi > lo ? (int) Math.min(BINS - 1, Math.floor((v - lo) / (hi - lo) * BINS)) : 0]++;
    }
    return new Histogram(lo, hi, counts);
  }

  /** The counts (a copy). */
  @Override
  public long[] counts() {
    return counts.clone();
  }
}
