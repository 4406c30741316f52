package org.deepgrad.nn;

import org.deepgrad.ops.Normalization;
import org.deepgrad.tensor.Tensor;

/**
 * Layer normalization over the last dimension (Ba, Kiros &amp; Hinton 2016), as {@code torch.nn.LayerNorm}
 * with one normalized dimension: {@code y = (x − mean) / √(var + eps) · γ + β}, statistics per sample.
 * Behaves the same in training and evaluation. Defaults: eps 1e-5, γ = 1, β = 0.
 */
public final class LayerNorm extends Module {
  private final int features;
  private final float eps;
  private final Parameter weight;
  private final Parameter bias;

  /** Torch's defaults: eps 1e-5, learned scale γ and shift β over {@code features}. */
  public LayerNorm(int features) {
    this(features, 1e-5f, true);
  }

  /** @param affine whether to learn the per-feature scale and shift */
  public LayerNorm(int features, float eps, boolean affine) {
    if (features < 1) throw new IllegalArgumentException("LayerNorm needs features >= 1, got " + features);
    if (!(eps > 0)) throw new IllegalArgumentException("LayerNorm eps must be > 0, got " + eps);
    this.features = features;
    this.eps = eps;
    this.weight = affine ? registerParameter("weight", new Parameter(Tensor.ones(features), Parameter.Role.NORM)) : null;
    this.bias = affine ? registerParameter("bias", new Parameter(Tensor.zeros(features), Parameter.Role.NORM)) : null;
  }

  @Override
  public Tensor forward(Tensor x) {
    return Normalization.layerNorm(x, 1, weight == null ? null : weight.value(), bias == null ? null : bias.value(), eps);
  }

  @Override
  public String toString() {
    return "LayerNorm(" + features + ")";
  }
}
