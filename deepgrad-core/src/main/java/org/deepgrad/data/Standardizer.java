package org.deepgrad.data;

import org.deepgrad.tensor.Tensor;

/**
 * Standardizes features: {@code x' = (x - mean) / std}, with mean and std (population, divide by n)
 * computed on the training split only and then applied unchanged to training, validation and test
 * data, as scikit-learn's {@code StandardScaler}. Statistics fitted on all the data would leak the
 * test set into training.
 *
 * <p>{@link #fit} keeps one mean and std per feature; {@link #fitGlobal} one pair over all features,
 * as torchvision's {@code Normalize((0.1307,), (0.3081,))} for MNIST: for images, per-pixel
 * statistics would blow up border pixels that are almost always 0. A feature whose std is (nearly)
 * zero, below {@code 1e-6 * max(1, |mean|)} where float rounding dominates, is only centred (std
 * taken as 1, as scikit-learn does), never divided by zero.
 *
 * @param mean one mean per feature, or a single one for all
 * @param std one standard deviation per feature, or a single one for all; each positive
 */
public record Standardizer(float[] mean, float[] std) {

  /** Checks the two arrays match and every std is positive; copies them. */
  public Standardizer {
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException("Standardizer: " + mean.length + " means and " + std.length
          + " stds; give one pair per feature, or one pair for all");
    }
    for (int j = 0; j < std.length; j++) {
      if (!(std[j] > 0) || !Float.isFinite(std[j]) || !Float.isFinite(mean[j])) {
        throw new IllegalArgumentException("Standardizer: feature " + j + " has mean " + mean[j] + ", std " + std[j]
            + "; means must be finite and stds finite and positive");
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** Per-feature mean and std of the training samples. */
  public static Standardizer fit(Samples<?> train) {
    return fit(train, train.inputSize());
  }

  /** One mean and std over every feature of every training sample. */
  public static Standardizer fitGlobal(Samples<?> train) {
    return fit(train, 1);
  }

  private static Standardizer fit(Samples<?> train, int groups) {
    float[] x = train.features().data();
    if (x.length == 0) {
      throw new IllegalArgumentException("Standardizer.fit: the training set is empty; fit on at least one sample");
    }
    int d = train.inputSize();
    double[] sum = new double[groups];
    double[] sq = new double[groups];
    for (int i = 0; i < x.length; i++) sum[(i % d) % groups] += x[i];
    double count = (double) x.length / groups;
    for (int g = 0; g < groups; g++) sum[g] /= count; // now the means
    for (int i = 0; i < x.length; i++) {
      double c = x[i] - sum[(i % d) % groups];
      sq[(i % d) % groups] += c * c;
    }
    float[] mean = new float[groups];
    float[] std = new float[groups];
    for (int g = 0; g < groups; g++) {
      mean[g] = (float) sum[g];
      double s = Math.sqrt(sq[g] / count);
      std[g] = s < 1e-6 * Math.max(1, Math.abs(sum[g])) ? 1f : (float) s;
    }
    return new Standardizer(mean, std);
  }

  /** The standardized copy of {@code data}'s features, labels or targets kept. */
  public <S extends Samples<S>> S apply(S data) {
    return data.withFeatures(apply(data.features()));
  }

  /** The standardized copy of a [n, d] features tensor (d must match what was fitted). */
  public Tensor apply(Tensor x) {
    int d = x.rank() == 2 ? x.dim(1) : -1;
    if (d < 1 || (mean.length != 1 && mean.length != d)) {
      throw new IllegalArgumentException("Standardizer.apply: features have shape " + x.shape() + "; it was fitted on "
          + (mean.length == 1 ? "[n, d] (global)" : "[n, " + mean.length + "]") + ". Apply it to the same features");
    }
    float[] src = x.data();
    float[] out = new float[src.length];
    for (int i = 0; i < src.length; i++) {
      int g = mean.length == 1 ? 0 : i % d;
      out[i] = (src[i] - mean[g]) / std[g];
    }
    return Tensor.of(out, x.shape());
  }

  /** A copy of the means. */
  @Override
  public float[] mean() {
    return mean.clone();
  }

  /** A copy of the standard deviations. */
  @Override
  public float[] std() {
    return std.clone();
  }
}
