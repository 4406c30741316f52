package org.deepgrad.ops;

import org.deepgrad.tensor.Tensor;

/**
 * The op {@link Normalization#batchNorm} on validated arguments: per-channel statistics over
 * the m = n·L values of each channel (element k of {@code [n, c, L]} is in channel (k / L) mod c),
 * by {@link BatchNormMath}.
 */
final class BatchNormOp {
  private BatchNormOp() {}

  static Tensor apply(Tensor x, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
      boolean training, float momentum, float eps) {
    int c = x.dim(1);
    int inner = x.shape().inner(1);
    int m = x.dim(0) * inner;
    float[] v = x.data();
    double[] mean = new double[c];
    double[] var = new double[c];
    if (training) {
      BatchNormMath.statistics(v, c, inner, mean, var);
      BatchNormMath.updateRunning(runningMean == null ? null : runningMean.data(),
          runningVar == null ? null : runningVar.data(), mean, var, momentum, m);
    } else {
      for (int ch = 0; ch < c; ch++) {
        mean[ch] = runningMean.data()[ch];
        var[ch] = runningVar.data()[ch];
      }
    }
    double[] invStd = new double[c];
    float[] xHat = new float[v.length];
    BatchNormMath.normalize(v, c, inner, mean, var, eps, invStd, xHat);
    String op = training ? "batch_norm_train" : "batch_norm_eval";
    return NormAffine.record(op, x, weight, bias, xHat, c, inner, dxHat -> {
      float[] dx = new float[v.length];
      BatchNormMath.inputGrad(dxHat, xHat, c, inner, invStd, training, new double[c], new double[c], dx);
      return dx;
    });
  }
}
