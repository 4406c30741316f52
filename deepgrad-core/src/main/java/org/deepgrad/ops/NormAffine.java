package org.deepgrad.ops;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Tensor;

/**
 * The affine tail shared by the normalizations, on flat row-major {@code [n, c, inner]} arrays whose
 * feature is the middle index ({@code [n, c]} is inner 1; layer norm's rows are {@code [rows, m, 1]}):
 * <pre>
 * y = γ[f]·x̂ + β[f]          dγ[f] = Σ g·x̂     dβ[f] = Σ g     dx̂ = g·γ[f]
 * </pre>
 * with the normalization's own rule turning dx̂ into dx. The ops (batch and layer norm, on the tape)
 * and the buffered pass of {@code nn.BatchNorm1d} both run these loops, so the two agree bit for bit;
 * gradients accumulate in double, each feature's sums in element order.
 */
public final class NormAffine {
  private NormAffine() {}

  /** Turns the gradient reaching x̂ into the gradient of the input. */
  @FunctionalInterface
  interface InputRule {
    float[] dx(double[] dxHat);
  }

  /** {@code y = γ[f]·x̂ + β[f]}; {@code w} or {@code b} may be null (γ = 1, β = 0). */
  public static void forward(float[] xHat, float[] w, float[] b, int c, int inner, float[] y) {
    int n = c * inner == 0 ? 0 : xHat.length / (c * inner);
    for (int i = 0, k = 0; i < n; i++) {
      for (int f = 0; f < c; f++) {
        for (int l = 0; l < inner; l++, k++) y[k] = (w == null ? xHat[k] : w[f] * xHat[k]) + (b == null ? 0f : b[f]);
      }
    }
  }

  /**
   * {@code dx̂ = g·γ[f]} into {@code dxHat}, and, for {@code dw} and {@code db} not null (zeroed by the
   * caller), {@code dw[f] += g·x̂} and {@code db[f] += g}.
   */
  public static void backward(float[] g, float[] xHat, float[] w, int c, int inner, double[] dxHat, double[] dw,
      double[] db) {
    int n = c * inner == 0 ? 0 : g.length / (c * inner);
    for (int i = 0, k = 0; i < n; i++) {
      for (int f = 0; f < c; f++) {
        for (int l = 0; l < inner; l++, k++) {
          dxHat[k] = w == null ? g[k] : (double) g[k] * w[f];
          if (dw != null) dw[f] += (double) g[k] * xHat[k];
          if (db != null) db[f] += g[k];
        }
      }
    }
  }

  /**
   * The op {@code y = γ·x̂ + β} on the tape, from {@code x} (normalized into {@code xHat}),
   * {@code weight} and {@code bias} (either may be null), named {@code op}, with the normalization's
   * input {@code rule}.
   */
  static Tensor record(String op, Tensor x, Tensor weight, Tensor bias, float[] xHat, int c, int inner,
      InputRule rule) {
    float[] w = weight == null ? null : weight.data();
    float[] y = new float[xHat.length];
    forward(xHat, w, bias == null ? null : bias.data(), c, inner, y);
    List<Tensor> inputs = new ArrayList<>(List.of(x));
    if (weight != null) inputs.add(weight);
    if (bias != null) inputs.add(bias);
    return Autograd.record(y, x.shape(), op, g -> {
      double[] dxHat = new double[xHat.length];
      double[] dw = weight == null ? null : new double[c];
      double[] db = bias == null ? null : new double[c];
      backward(g.data(), xHat, w, c, inner, dxHat, dw, db);
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
