package org.deepgrad.nn;

import java.util.Arrays;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * {@link BatchNorm1d}'s kernel on {@code [rows, c]} inputs, the arithmetic of
 * {@code ops.Normalization.batchNorm} step for step (double statistics, float outputs):
 * <pre>
 * training: μ = mean(x), σ² = mean((x − μ)²) per feature; running stats move by momentum
 *           (the variance unbiased, σ²·m/(m − 1)); eval: μ, σ² are the running stats
 * x̂ = (x − μ)/√(σ² + ε),  y = γ·x̂ + β
 * dx̂ = dy·γ,  dγ = Σ dy·x̂,  dβ = Σ dy
 * dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂))/√(σ² + ε)  (training),  dx̂/√(σ² + ε)  (eval)
 * </pre>
 */
final class BatchNormKernel implements Kernel {
  private final BatchNorm1d layer;
  private final Tensor weight;
  private final Tensor bias;
  private final float[] runningMean;
  private final float[] runningVar;
  private final int c;
  private final double[] mean;
  private final double[] var;
  private final double[] invStd;
  private final double[] sum;
  private final double[] dot;
  private final GradTarget weightGrad;
  private final GradTarget biasGrad;
  private boolean training;
  private float[] xHat;
  private float[] y;
  private double[] dxHat;
  private float[] dx;

  BatchNormKernel(BatchNorm1d layer, Tensor weight, Tensor bias) {
    this.layer = layer;
    this.weight = weight;
    this.bias = bias;
    this.runningMean = layer.runningMean().data();
    this.runningVar = layer.runningVar().data();
    this.c = runningMean.length;
    this.mean = new double[c];
    this.var = new double[c];
    this.invStd = new double[c];
    this.sum = new double[c];
    this.dot = new double[c];
    this.weightGrad = weight == null ? null : new GradTarget(weight);
    this.biasGrad = bias == null ? null : new GradTarget(bias);
  }

  @Override
  public float[] forward(float[] x, int rows) {
    if (x.length != rows * c) {
      throw new ShapeException("batchNorm: input [" + rows + ", " + x.length / rows + "] does not fit " + c
          + " features; the input must be [batch, " + c + "]");
    }
    training = layer.isTraining();
    if (training && rows <= 1) {
      throw new IllegalArgumentException("batchNorm: Expected more than 1 value per channel when training, "
          + "got input size [" + rows + ", " + c + "]; train with a batch of at least 2, or use eval mode");
    }
    float momentum = layer.momentum();
    if (training) {
      Arrays.fill(mean, 0);
      Arrays.fill(var, 0);
      for (int k = 0; k < x.length; k++) mean[k % c] += x[k];
      for (int ch = 0; ch < c; ch++) mean[ch] /= rows;
      for (int k = 0; k < x.length; k++) {
        double d = x[k] - mean[k % c];
        var[k % c] += d * d;
      }
      for (int ch = 0; ch < c; ch++) {
        var[ch] /= rows;
        runningMean[ch] = (float) ((1.0 - momentum) * runningMean[ch] + momentum * mean[ch]);
        runningVar[ch] = (float) ((1.0 - momentum) * runningVar[ch] + momentum * var[ch] * rows / (rows - 1));
      }
    } else {
      for (int ch = 0; ch < c; ch++) {
        mean[ch] = runningMean[ch];
        var[ch] = runningVar[ch];
      }
    }
    for (int ch = 0; ch < c; ch++) invStd[ch] = 1 / Math.sqrt(var[ch] + layer.eps());
    xHat = Kernel.sized(xHat, x.length);
    y = Kernel.sized(y, x.length);
    float[] w = weight == null ? null : weight.data();
    float[] b = bias == null ? null : bias.data();
    for (int k = 0; k < x.length; k++) {
      int f = k % c;
      xHat[k] = (float) ((x[k] - mean[f]) * invStd[f]);
      y[k] = (w == null ? xHat[k] : w[f] * xHat[k]) + (b == null ? 0f : b[f]);
    }
    return y;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    int n = dy.length;
    if (dxHat == null || dxHat.length != n) dxHat = new double[n];
    float[] w = weight == null ? null : weight.data();
    Arrays.fill(sum, 0); // dγ, then dβ, before they serve the input rule
    Arrays.fill(dot, 0);
    for (int k = 0; k < n; k++) {
      int f = k % c;
      dxHat[k] = w == null ? dy[k] : (double) dy[k] * w[f];
      dot[f] += (double) dy[k] * xHat[k];
      sum[f] += dy[k];
    }
    if (weight != null && weight.requiresGrad()) write(weightGrad, dot);
    if (bias != null && bias.requiresGrad()) write(biasGrad, sum);
    if (!inputGrad) return null;
    dx = Kernel.sized(dx, n);
    if (!training) {
      for (int k = 0; k < n; k++) dx[k] = (float) (dxHat[k] * invStd[k % c]);
      return dx;
    }
    Arrays.fill(sum, 0);
    Arrays.fill(dot, 0);
    for (int k = 0; k < n; k++) {
      sum[k % c] += dxHat[k];
      dot[k % c] += dxHat[k] * xHat[k];
    }
    for (int k = 0; k < n; k++) {
      int f = k % c;
      dx[k] = (float) ((dxHat[k] - sum[f] / rows - xHat[k] * dot[f] / rows) * invStd[f]);
    }
    return dx;
  }

  private static void write(GradTarget target, double[] g) {
    float[] out = target.begin();
    for (int i = 0; i < out.length; i++) out[i] = (float) g[i];
    target.finish();
  }
}
