package org.deepgrad.run.reproduce;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Small numeric helpers for the verdicts and the tables. */
final class Stats {
  private Stats() {}

  /** The arithmetic mean; NaN when empty. */
  static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
  }

  /** The median of the non-NaN values; NaN when none. */
  static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /**
   * The spread of positive values across layers, max/min: 1 when constant. Glorot &amp; Bengio's
   * normalized init aims at 1 for the back-propagated gradient variance.
   */
  static double spread(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN) / Arrays.stream(v).min().orElse(Double.NaN);
  }

  /**
   * The first step of {@code points} (pairs {step, value}, in step order) whose value is at least
   * {@code target}; -1 when none reaches it.
   */
  static long firstReaching(List<double[]> points, double target) {
    for (double[] p : points) if (p[1] >= target) return (long) p[0];
    return -1;
  }

  /** Three significant digits, "-" for NaN. */
  static String num(double v) {
    if (Double.isNaN(v)) return "-";
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
    return String.format(Locale.ROOT, Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? "%.4g" : "%.3g", v);
  }

  /** A percentage with two decimals, "-" for NaN. */
  static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
  }
}
