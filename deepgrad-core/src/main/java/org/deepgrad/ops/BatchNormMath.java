package org.deepgrad.ops;

import java.util.Arrays;

/**
 * Batch normalization's arithmetic on flat arrays, shared by the op ({@link Normalization#batchNorm})
 * and the buffered pass of {@code nn.BatchNorm1d}, so both give the same bits. Element k of a
 * {@code [n, c, L]} input is in channel {@code (k / inner) mod c} with {@code inner = L}; each channel
 * has m = n·L values. Statistics and gradients accumulate in double, outputs are float.
 *
 * <pre>
 * μ = Σ x / m,  σ² = Σ (x − μ)² / m                   (biased: what normalizes)
 * running ← (1 − momentum)·running + momentum·stat     (the variance unbiased, σ²·m/(m − 1), as torch)
 * x̂ = (x − μ)·invStd,  invStd = 1/√(σ² + ε)
 * dx = (dx̂ − Σdx̂/m − x̂·Σ(dx̂·x̂)/m)·invStd  (training),  dx̂·invStd  (eval: the statistics are constants)
 * </pre>
 */
public final class BatchNormMath {
  private BatchNormMath() {}

  /** Writes each channel's mean and biased variance of {@code x} into {@code mean} and {@code var}. */
  public static void statistics(float[] x, int c, int inner, double[] mean, double[] var) {
    int m = x.length / c;
    Arrays.fill(mean, 0, c, 0);
    Arrays.fill(var, 0, c, 0);
    for (int k = 0; k < x.length; k++) mean[(k / inner) % c] += x[k];
    for (int ch = 0; ch < c; ch++) mean[ch] /= m;
    for (int k = 0; k < x.length; k++) {
      double d = x[k] - mean[(k / inner) % c];
      var[(k / inner) % c] += d * d;
    }
    for (int ch = 0; ch < c; ch++) var[ch] /= m;
  }

  /** Moves the running statistics (either may be null) toward a batch's, which had m values per channel. */
  public static void updateRunning(float[] runningMean, float[] runningVar, double[] mean, double[] var,
      float momentum, int m) {
    for (int ch = 0; ch < mean.length; ch++) {
      if (runningMean != null) runningMean[ch] = (float) ((1.0 - momentum) * runningMean[ch] + momentum * mean[ch]);
      if (runningVar != null) {
        runningVar[ch] = (float) ((1.0 - momentum) * runningVar[ch] + momentum * var[ch] * m / (m - 1));
      }
    }
  }

  /** {@code invStd[ch] = 1/√(var[ch] + eps)} and {@code xHat = (x − μ)·invStd}. */
  public static void normalize(float[] x, int c, int inner, double[] mean, double[] var, float eps, double[] invStd,
      float[] xHat) {
    for (int ch = 0; ch < c; ch++) invStd[ch] = 1 / Math.sqrt(var[ch] + eps);
    for (int k = 0; k < x.length; k++) {
      int ch = (k / inner) % c;
      xHat[k] = (float) ((x[k] - mean[ch]) * invStd[ch]);
    }
  }

  /**
   * The input gradient from the gradient at x̂ into {@code dx}; {@code sum} and {@code dot} are
   * scratch of c values (training only).
   */
  public static void inputGrad(double[] dxHat, float[] xHat, int c, int inner, double[] invStd, boolean training,
      double[] sum, double[] dot, float[] dx) {
    if (!training) {
      for (int k = 0; k < dx.length; k++) dx[k] = (float) (dxHat[k] * invStd[(k / inner) % c]);
      return;
    }
    int m = dx.length / c;
    Arrays.fill(sum, 0, c, 0);
    Arrays.fill(dot, 0, c, 0);
    for (int k = 0; k < dx.length; k++) {
      sum[(k / inner) % c] += dxHat[k];
      dot[(k / inner) % c] += dxHat[k] * xHat[k];
    }
    for (int k = 0; k < dx.length; k++) {
      int ch = (k / inner) % c;
      dx[k] = (float) ((dxHat[k] - sum[ch] / m - xHat[k] * dot[ch] / m) * invStd[ch]);
    }
  }
}
