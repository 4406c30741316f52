package org.deepgrad.io;

import java.util.Arrays;
import org.deepgrad.tensor.Tensor;

/**
 * The input transform a model was trained with, kept with it so predictions on raw data see what
 * training saw: per feature j,
 *
 * <pre>
 * x' = (x·scale − mean[j]) / std[j]
 * </pre>
 *
 * computed as the data pipeline does, bit for bit: {@code x·scale} rounded to float (for a byte
 * value x and scale 1/255 this is exactly {@code Transforms.scaleBytes}' x/255f), then the
 * subtraction and division in float as {@code Standardizer.apply}. mean and std hold one value per
 * feature, or one for all features (as {@code Standardizer.fitGlobal}); either may be null for none.
 *
 * @param scale finite and non-zero; 1 for none
 * @param mean finite values, or null for no centering
 * @param std finite positive values, or null for no division
 */
public record Preprocessing(double scale, float[] mean, float[] std) {

  /** Validates the values (see the parameters) and that mean and std have equal lengths; copies them. */
  public Preprocessing {
    if (!(Double.isFinite(scale) && scale != 0)) {
      throw new IllegalArgumentException("scale is " + scale + "; a preprocessing scale must be finite and non-zero");
    }
    if (mean != null && std != null && mean.length != std.length) {
      throw new IllegalArgumentException("preprocessing has " + mean.length + " means but " + std.length
          + " stds; give one pair per feature, or one pair for all");
    }
    mean = check("mean", mean, false);
    std = check("std", std, true);
  }

  private static float[] check(String name, float[] values, boolean positive) {
    if (values == null) return null;
    if (values.length == 0) throw new IllegalArgumentException("preprocessing " + name + " is empty; use null for none");
    for (int j = 0; j < values.length; j++) {
      if (!Float.isFinite(values[j]) || (positive && !(values[j] > 0))) {
        throw new IllegalArgumentException(name + "[" + j + "] is " + values[j] + "; a preprocessing " + name
            + " must be " + (positive ? "finite and positive" : "finite"));
      }
    }
    return values.clone();
  }

  /** No transform: scale 1, no mean, no std. */
  public static Preprocessing identity() {
    return new Preprocessing(1, null, null);
  }

  /** The transformed copy of raw features {@code [n, d]}, not recorded for autograd. */
  public Tensor apply(Tensor raw) {
    int d = raw.rank() == 2 ? raw.dim(1) : -1;
    int stats = mean != null ? mean.length : std != null ? std.length : 1;
    if (d < 1 || (stats != 1 && stats != d)) {
      throw new IllegalArgumentException("preprocessing: features have shape " + raw.shape() + " but the model"
          + " expects [n, " + (stats == 1 ? "d" : stats) + "]; pass the same features it was trained on");
    }
    float[] x = raw.data();
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      int j = stats == 1 ? 0 : i % d;
      float v = (float) (x[i] * scale);
      if (mean != null) v -= mean[j];
      if (std != null) v /= std[j];
      out[i] = v;
    }
    return Tensor.of(out, raw.shape());
  }

  /** A copy of the means, or null. */
  @Override
  public float[] mean() {
    return mean == null ? null : mean.clone();
  }

  /** A copy of the standard deviations, or null. */
  @Override
  public float[] std() {
    return std == null ? null : std.clone();
  }

  /** Equal scale and equal arrays, element by element. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Preprocessing p && Double.compare(scale, p.scale) == 0
        && Arrays.equals(mean, p.mean) && Arrays.equals(std, p.std);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Double.hashCode(scale) + Arrays.hashCode(mean)) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Preprocessing(scale " + scale + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + ")";
  }
}
