package org.deepgrad.nn;

import org.deepgrad.ops.Normalization;
import org.deepgrad.tensor.Tensor;

/**
 * Batch normalization over the batch dimension of {@code [n, features]} inputs (Ioffe &amp; Szegedy 2015),
 * as {@code torch.nn.BatchNorm1d}:
 *
 * <pre>
 * y = (x − mean) / √(var + eps) · γ + β
 * </pre>
 *
 * In training, mean and (biased) var are the batch's, and the running statistics move toward them:
 * {@code running = (1 − momentum)·running + momentum·batch}, with the unbiased batch variance for
 * {@code running_var}. In evaluation the running statistics are used. Defaults: eps 1e-5, momentum
 * 0.1, γ = 1, β = 0, running mean 0 and variance 1.
 */
public final class BatchNorm1d extends Module {
  private final int features;
  private final float eps;
  private final float momentum;
  private final Parameter weight;
  private final Parameter bias;
  private final Tensor runningMean;
  private final Tensor runningVar;

  /** Torch's defaults: eps 1e-5, momentum 0.1, learned scale and shift. */
  public BatchNorm1d(int features) {
    this(features, 1e-5f, 0.1f, true);
  }

  /**
   * @param affine whether to learn the scale γ ({@code weight}) and shift β ({@code bias})
   */
  public BatchNorm1d(int features, float eps, float momentum, boolean affine) {
    if (features < 1) throw new IllegalArgumentException("BatchNorm1d needs features >= 1, got " + features);
    if (!(eps > 0)) throw new IllegalArgumentException("BatchNorm1d eps must be > 0, got " + eps);
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("BatchNorm1d momentum must be in [0, 1], got " + momentum);
    }
    this.features = features;
    this.eps = eps;
    this.momentum = momentum;
    this.weight = affine ? registerParameter("weight", new Parameter(Tensor.ones(features), Parameter.Role.NORM)) : null;
    this.bias = affine ? registerParameter("bias", new Parameter(Tensor.zeros(features), Parameter.Role.NORM)) : null;
    this.runningMean = registerBuffer("running_mean", Tensor.zeros(features));
    this.runningVar = registerBuffer("running_var", Tensor.ones(features));
  }

  @Override
  public Tensor forward(Tensor x) {
    return Normalization.batchNorm(x, weight == null ? null : weight.value(), bias == null ? null : bias.value(),
        runningMean, runningVar, isTraining(), momentum, eps);
  }

  /** The buffered pass of a {@code [batch, features]} input (the trainer's allocation-free path). */
  @Override
  public BufferedPass bufferedPass() {
    return new BatchNormPass(this, weight == null ? null : weight.value(), bias == null ? null : bias.value());
  }

  float momentum() {
    return momentum;
  }

  float eps() {
    return eps;
  }

  /** The running mean per feature, shape {@code [features]}, used in evaluation; starts at 0. */
  public Tensor runningMean() {
    return runningMean;
  }

  /**
   * The running (unbiased) variance per feature, shape {@code [features]}, used in evaluation; starts at 1.
   */
  public Tensor runningVar() {
    return runningVar;
  }

  @Override
  public String toString() {
    return "BatchNorm1d(" + features + ")";
  }
}
