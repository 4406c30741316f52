package org.deepgrad.ops;

import org.deepgrad.tensor.Tensor;

/**
 * The op {@link Normalization#layerNorm} on validated arguments: each run of m consecutive
 * elements (one row over the normalized trailing axes) is a group with its own statistics.
 */
final class LayerNormOp {
  private LayerNormOp() {}

  static Tensor apply(Tensor x, int m, Tensor weight, Tensor bias, float eps) {
    int rows = m == 0 ? 0 : x.size() / m;
    float[] v = x.data();
    float[] xHat = new float[v.length];
    double[] invStd = new double[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int j = 0; j < m; j++) s += v[r * m + j];
      double mu = s / m;
      double ss = 0;
      for (int j = 0; j < m; j++) ss += (v[r * m + j] - mu) * (v[r * m + j] - mu);
      invStd[r] = 1 / Math.sqrt(ss / m + eps);
      for (int j = 0; j < m; j++) xHat[r * m + j] = (float) ((v[r * m + j] - mu) * invStd[r]);
    }
    return NormAffine.record("layer_norm", x, weight, bias, xHat, m, 1, dxHat -> {
      float[] dx = new float[v.length];
      for (int r = 0; r < rows; r++) {
        double sum = 0;
        double dot = 0;
        for (int j = 0; j < m; j++) {
          sum += dxHat[r * m + j];
          dot += dxHat[r * m + j] * xHat[r * m + j];
        }
        for (int j = 0; j < m; j++) {
          int k = r * m + j;
          dx[k] = (float) ((dxHat[k] - sum / m - xHat[k] * dot / m) * invStd[r]);
        }
      }
      return dx;
    });
  }
}
