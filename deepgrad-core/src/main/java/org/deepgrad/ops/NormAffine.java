package org.deepgrad.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Tensor;

/**
 * The affine tail shared by the normalizations: {@code y = γ[f]·x̂ + β[f]} for the feature f of each
 * element, and its backward {@code dγ[f] = Σ g·x̂}, {@code dβ[f] = Σ g}, {@code dx̂ = g·γ[f]}, with the
 * normalization's own rule turning dx̂ into dx.
 */
final class NormAffine {
  /** Turns the gradient reaching x̂ into the gradient of the input. */
  @FunctionalInterface
  interface InputRule {
    float[] dx(double[] dxHat);
  }

  private final Tensor x;
  private final Tensor weight;
  private final Tensor bias;
  private final float[] xHat;
  private final IntUnaryOperator feature;

  /** {@code weight}/{@code bias} may be null (γ = 1, β = 0); {@code feature} maps an element index to f. */
  NormAffine(Tensor x, Tensor weight, Tensor bias, float[] xHat, IntUnaryOperator feature) {
    this.x = x;
    this.weight = weight;
    this.bias = bias;
    this.xHat = xHat;
    this.feature = feature;
  }

  Tensor result(String op, InputRule rule) {
    float[] y = new float[xHat.length];
    for (int k = 0; k < y.length; k++) {
      int f = feature.applyAsInt(k);
      y[k] = (weight == null ? xHat[k] : weight.data()[f] * xHat[k]) + (bias == null ? 0f : bias.data()[f]);
    }
    List<Tensor> inputs = new ArrayList<>(List.of(x));
    if (weight != null) inputs.add(weight);
    if (bias != null) inputs.add(bias);
    float[] w = weight == null ? null : weight.data();
    return Autograd.record(y, x.shape(), op, g -> {
      float[] gd = g.data();
      double[] dxHat = new double[gd.length];
      double[] dw = weight == null ? null : new double[weight.size()];
      double[] db = bias == null ? null : new double[bias.size()];
      for (int k = 0; k < gd.length; k++) {
        int f = feature.applyAsInt(k);
        dxHat[k] = w == null ? gd[k] : (double) gd[k] * w[f];
        if (dw != null) dw[f] += (double) gd[k] * xHat[k];
        if (db != null) db[f] += gd[k];
      }
      List<Tensor> grads = new ArrayList<>(3); // in the order of the inputs; null where none is needed
      grads.add(x.requiresGrad() ? Tensor.of(rule.dx(dxHat), x.shape()) : null);
      if (weight != null) grads.add(weight.requiresGrad() ? Tensor.of(toFloat(dw), weight.shape()) : null);
      if (bias != null) grads.add(bias.requiresGrad() ? Tensor.of(toFloat(db), bias.shape()) : null);
      return grads.toArray(new Tensor[0]);
    }, inputs.toArray(new Tensor[0]));
  }

  private static float[] toFloat(double[] v) {
    float[] r = new float[v.length];
    for (int i = 0; i < r.length; i++) r[i] = (float) v[i];
    return r;
  }
}
