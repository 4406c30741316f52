package org.deepgrad.ops;

import org.deepgrad.tensor.Tensor;

/**
 * The kernel of {@link Normalization#batchNorm}, on validated arguments: per-channel statistics over
 * the m = n·L values of each channel (element k of {@code [n, c, L]} is in channel (k / L) mod c).
 */
final class BatchNormKernel {
  private BatchNormKernel() {}

  static Tensor apply(Tensor x, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
      boolean training, float momentum, float eps) {
    int c = x.dim(1);
    int inner = x.shape().inner(1);
    int m = x.dim(0) * inner;
    float[] v = x.data();
    double[] mean = new double[c];
    double[] var = new double[c];
    if (training) {
      for (int k = 0; k < v.length; k++) mean[(k / inner) % c] += v[k];
      for (int ch = 0; ch < c; ch++) mean[ch] /= m;
      for (int k = 0; k < v.length; k++) {
        double d = v[k] - mean[(k / inner) % c];
        var[(k / inner) % c] += d * d;
      }
      for (int ch = 0; ch < c; ch++) {
        var[ch] /= m;
        if (runningMean != null) {
          float[] rm = runningMean.data();
          rm[ch] = (float) ((1.0 - momentum) * rm[ch] + momentum * mean[ch]);
        }
        if (runningVar != null) { // torch tracks the unbiased variance while normalizing with the biased one
          float[] rv = runningVar.data();
          rv[ch] = (float) ((1.0 - momentum) * rv[ch] + momentum * var[ch] * m / (m - 1));
        }
      }
    } else {
      for (int ch = 0; ch < c; ch++) {
        mean[ch] = runningMean.data()[ch];
        var[ch] = runningVar.data()[ch];
      }
    }
    double[] invStd = new double[c];
    for (int ch = 0; ch < c; ch++) invStd[ch] = 1 / Math.sqrt(var[ch] + eps);
    float[] xHat = new float[v.length];
    for (int k = 0; k < v.length; k++) {
      int ch = (k / inner) % c;
      xHat[k] = (float) ((v[k] - mean[ch]) * invStd[ch]);
    }
    NormAffine affine = new NormAffine(x, weight, bias, xHat, k -> (k / inner) % c);
    return affine.result(training ? "batch_norm_train" : "batch_norm_eval", dxHat -> {
      float[] dx = new float[v.length];
      if (!training) {
        for (int k = 0; k < dx.length; k++) dx[k] = (float) (dxHat[k] * invStd[(k / inner) % c]);
        return dx;
      }
      double[] sum = new double[c];
      double[] dot = new double[c];
      for (int k = 0; k < dx.length; k++) {
        sum[(k / inner) % c] += dxHat[k];
        dot[(k / inner) % c] += dxHat[k] * xHat[k];
      }
      for (int k = 0; k < dx.length; k++) {
        int ch = (k / inner) % c;
        dx[k] = (float) ((dxHat[k] - sum[ch] / m - xHat[k] * dot[ch] / m) * invStd[ch]);
      }
      return dx;
    });
  }
}
