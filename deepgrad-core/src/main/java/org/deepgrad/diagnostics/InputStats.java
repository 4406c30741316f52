package org.deepgrad.diagnostics;

import java.util.Arrays;
import org.deepgrad.tensor.Tensor;

/**
 * Per-feature statistics of the training inputs, as the model sees them (after any standardization),
 * measured once before training ({@link Recorder#recordInputs}): one pass over the data, not one per
 * step. For feature j over the n rows, counting only its finite values:
 *
 * <pre>
 * mean_j = Σx / m        std_j = √(Σx²/m − mean_j²)  (population form; m the finite values)
 * min_j, max_j           nonFinite_j = n − m
 * s_j² = mean_j² + std_j²    the feature's mean square: what it adds to a first-layer pre-activation's variance
 * r = √(Σ_j s_j² / d)        the inputs' root mean square over the d features
 * </pre>
 *
 * Fan-in initializers (LeCun, Xavier, He) scale a layer's weights so that inputs of unit mean square
 * give pre-activations of the variance they aim at (LeCun et al. 1998, Efficient BackProp, section 4.3
 * and 4.6); the first layer's pre-activations are therefore r times the intended scale.
 *
 * @param rows the number of samples n
 * @param mean mean_j per feature (NaN for a feature with no finite value)
 * @param std std_j per feature
 * @param min min_j per feature
 * @param max max_j per feature
 * @param nonFinite the NaN and infinite values of each feature
 */
public record InputStats(int rows, double[] mean, double[] std, double[] min, double[] max, long[] nonFinite) {

  /** Checks the arrays have one entry per feature; copies them. */
  public InputStats {
    int d = mean.length;
    if (std.length != d || min.length != d || max.length != d || nonFinite.length != d) {
      throw new IllegalArgumentException("InputStats: the per-feature arrays differ in length (mean " + d + ", std "
          + std.length + ", min " + min.length + ", max " + max.length + ", nonFinite " + nonFinite.length + ")");
    }
    mean = mean.clone();
    std = std.clone();
    min = min.clone();
    max = max.clone();
    nonFinite = nonFinite.clone();
  }

  /**
   * The statistics of {@code features}, a [n, d] tensor (a higher rank is read as n rows of the rest):
   * one pass in row order, sums in double.
   */
  public static InputStats of(Tensor features) {
    if (features.rank() < 2 || features.dim(0) == 0) {
      throw new IllegalArgumentException("InputStats.of needs a [samples, features] tensor with at least one sample, "
          + "got shape " + features.shape());
    }
    int n = features.dim(0);
    int d = features.size() / n;
    float[] x = features.data();
    double[] sum = new double[d];
    double[] sq = new double[d];
    double[] min = new double[d];
    double[] max = new double[d];
    long[] bad = new long[d];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      int row = i * d;
      for (int j = 0; j < d; j++) {
        float v = x[row + j];
        if (!Float.isFinite(v)) {
          bad[j]++;
          continue;
        }
        sum[j] += v;
        sq[j] += (double) v * v;
        if (v < min[j]) min[j] = v;
        if (v > max[j]) max[j] = v;
      }
    }
    double[] mean = new double[d];
    double[] std = new double[d];
    for (int j = 0; j < d; j++) {
      long m = n - bad[j];
      mean[j] = m == 0 ? Double.NaN : sum[j] / m;
      std[j] = m == 0 ? Double.NaN : Math.sqrt(Math.max(0, sq[j] / m - mean[j] * mean[j]));
      if (m == 0) min[j] = max[j] = Double.NaN;
    }
    return new InputStats(n, mean, std, min, max, bad);
  }

  /** The number of features d. */
  public int features() {
    return mean.length;
  }

  /** s_j² = mean_j² + std_j², the feature's mean square; NaN when it has no finite value. */
  public double meanSquare(int j) {
    return mean[j] * mean[j] + std[j] * std[j];
  }

  /** r = √(Σ_j s_j² / d) over the features with finite values: the inputs' overall scale. */
  public double rms() {
    double s = 0;
    int k = 0;
    for (int j = 0; j < features(); j++) {
      if (!Double.isNaN(mean[j])) {
        s += meanSquare(j);
        k++;
      }
    }
    return k == 0 ? Double.NaN : Math.sqrt(s / k);
  }

  /** The mean over all finite values (the average of the features' means, each feature weighted by its count). */
  public double overallMean() {
    double s = 0;
    double m = 0;
    for (int j = 0; j < features(); j++) {
      if (Double.isNaN(mean[j])) continue;
      s += mean[j] * (rows - nonFinite[j]);
      m += rows - nonFinite[j];
    }
    return m == 0 ? Double.NaN : s / m;
  }

  /** The smallest finite value of any feature. */
  public double overallMin() {
    return Arrays.stream(min).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
  }

  /** The largest finite value of any feature. */
  public double overallMax() {
    return Arrays.stream(max).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
  }

  /** Whether feature j has one value in every row (all finite). */
  public boolean constant(int j) {
    return nonFinite[j] == 0 && min[j] == max[j];
  }

  /** How many features are constant ({@link #constant}). */
  public int constantFeatures() {
    int c = 0;
    for (int j = 0; j < features(); j++) if (constant(j)) c++;
    return c;
  }

  /** How many features hold a NaN or infinite value. */
  public int nonFiniteFeatures() {
    int c = 0;
    for (long b : nonFinite) if (b > 0) c++;
    return c;
  }
}
