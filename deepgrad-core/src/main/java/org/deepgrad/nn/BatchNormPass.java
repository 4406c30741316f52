package org.deepgrad.nn;

import java.util.Arrays;
import org.deepgrad.ops.BatchNormMath;
import org.deepgrad.ops.NormAffine;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * {@link BatchNorm1d}'s buffered pass on {@code [rows, c]} inputs: {@code ops.Normalization.batchNorm}'s
 * arithmetic ({@link BatchNormMath}, double statistics, float outputs, and {@link NormAffine}'s affine
 * tail) on buffers kept between steps:
 * <pre>
 * training: μ = mean(x), σ² = mean((x − μ)²) per feature; running stats move by momentum
 *           (the variance unbiased, σ²·m/(m − 1)); eval: μ, σ² are the running stats
 * x̂ = (x − μ)/√(σ² + ε),  y = γ·x̂ + β
 * dx̂ = dy·γ,  dγ = Σ dy·x̂,  dβ = Σ dy
 * dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂))/√(σ² + ε)  (training),  dx̂/√(σ² + ε)  (eval)
 * </pre>
 */
final class BatchNormPass implements BufferedPass {
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

  BatchNormPass(BatchNorm1d layer, Tensor weight, Tensor bias) {
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
    if (training) {
      BatchNormMath.statistics(x, c, 1, mean, var);
      BatchNormMath.updateRunning(runningMean, runningVar, mean, var, layer.momentum(), rows);
    } else {
      for (int ch = 0; ch < c; ch++) {
        mean[ch] = runningMean[ch];
        var[ch] = runningVar[ch];
      }
    }
    xHat = BufferedPass.sized(xHat, x.length);
    BatchNormMath.normalize(x, c, 1, mean, var, layer.eps(), invStd, xHat);
    y = BufferedPass.sized(y, x.length);
    NormAffine.forward(xHat, weight == null ? null : weight.data(), bias == null ? null : bias.data(), c, 1, y);
    return y;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    int n = dy.length;
    if (dxHat == null || dxHat.length != n) dxHat = new double[n];
    Arrays.fill(sum, 0); // dγ, then dβ, before they serve the input rule
    Arrays.fill(dot, 0);
    NormAffine.backward(dy, xHat, weight == null ? null : weight.data(), c, 1, dxHat, dot, sum);
    if (weight != null && weight.requiresGrad()) write(weightGrad, dot);
    if (bias != null && bias.requiresGrad()) write(biasGrad, sum);
    if (!inputGrad) return null;
    dx = BufferedPass.sized(dx, n);
    BatchNormMath.inputGrad(dxHat, xHat, c, 1, invStd, training, sum, dot, dx);
    return dx;
  }

  private static void write(GradTarget target, double[] g) {
    float[] out = target.begin();
    for (int i = 0; i < out.length; i++) out[i] = (float) g[i];
    target.finish();
  }
}
