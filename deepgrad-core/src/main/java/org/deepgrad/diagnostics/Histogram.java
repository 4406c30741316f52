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
  private static final int LANES = 8;

  /** Copies the counts so the record stays immutable. */
  public Histogram {
    counts = counts.clone();
  }

  /**
   * The histogram of the first {@code n} values of {@code x}, finite and within [lo, hi] (NaN bounds
   * when n is 0). Done in blocks of 1024: first every value's bin (no iteration waits on another),
   * then the tally, in eight interleaved counters summed at the end so that a run of values in one
   * bin (a ReLU's zeros) does not make each increment wait for the one before: several times as fast
   * as binning and counting one value at a time.
   */
  static Histogram of(float[] x, int n, double lo, double hi) {
    long[] counts = new long[BINS];
    if (n == 0) return new Histogram(Double.NaN, Double.NaN, counts);
    if (!(hi > lo)) {
      counts[0] = n;
      return new Histogram(lo, hi, counts);
    }
    double width = hi - lo;
    int[] bins = new int[Math.min(n, 1024)];
    int[] tally = new int[LANES * BINS];
    for (int start = 0; start < n; start += bins.length) {
      int m = Math.min(bins.length, n - start);
      for (int i = 0; i < m; i++) { // v ≥ lo, so the cast to int is the floor
        bins[i] = Math.min(BINS - 1, (int) ((x[start + i] - lo) / width * BINS));
      }
      int i = 0;
      for (; i + 7 < m; i += 8) {
        tally[bins[i]]++;
        tally[BINS + bins[i + 1]]++;
        tally[2 * BINS + bins[i + 2]]++;
        tally[3 * BINS + bins[i + 3]]++;
        tally[4 * BINS + bins[i + 4]]++;
        tally[5 * BINS + bins[i + 5]]++;
        tally[6 * BINS + bins[i + 6]]++;
        tally[7 * BINS + bins[i + 7]]++;
      }
      for (; i < m; i++) tally[bins[i]]++;
    }
    for (int lane = 0; lane < LANES; lane++) for (int b = 0; b < BINS; b++) counts[b] += tally[lane * BINS + b];
    return new Histogram(lo, hi, counts);
  }

  /** The counts (a copy). */
  @Override
  public long[] counts() {
    return counts.clone();
  }
}
