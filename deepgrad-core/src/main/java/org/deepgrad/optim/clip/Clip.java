package org.deepgrad.optim.clip;

import java.util.Collection;
import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.ops.SumOfSquares;
import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.tensor.Tensor;

/**
 * Gradient clipping, applied between {@code backward()} and {@code step()}, as
 * torch.nn.utils.clip_grad_norm_ and clip_grad_value_. Parameters without a gradient are skipped.
 * Clipping by norm keeps the direction and bounds the step (Pascanu, Mikolov &amp; Bengio 2013,
 * against exploding gradients); clipping by value bounds each coordinate and may turn the direction.
 */
public final class Clip {
  private Clip() {}

  /**
   * Scales all gradients together so their global L2 norm {@code ‖g‖ = √(Σ_p ‖g_p‖²)} is at most
   * {@code maxNorm}: when {@code ‖g‖ > maxNorm}, {@code g ← g · maxNorm / (‖g‖ + 1e-6)}, torch's
   * rule (the 1e-6 guards ‖g‖ = 0 and leaves the norm just under the bound).
   *
   * @return the global norm before clipping (what to log and watch for explosions); when it is NaN
   *     the gradients are left as they are (torch would multiply them by NaN), when infinite they
   *     are scaled by 0 (as torch)
   */
  public static double byGlobalNorm(Map<String, Parameter> params, double maxNorm) {
    Ranges.nonNegative("Clip.byGlobalNorm", "maxNorm", maxNorm, () -> 1.0);
    double norm = Math.sqrt(squaredNorm(params.values()));
    toNorm(params, maxNorm, norm);
    return norm;
  }

  /**
   * {@link #byGlobalNorm} for a caller that has already summed the gradients' global {@code norm}
   * (the trainer, which needs it anyway): the same scaling without a second pass.
   */
  public static void byGlobalNorm(Map<String, Parameter> params, double maxNorm, double norm) {
    Ranges.nonNegative("Clip.byGlobalNorm", "maxNorm", maxNorm, () -> 1.0);
    toNorm(params, maxNorm, norm);
  }

  /** {@code Σ_p ‖g_p‖²} over the parameters that have a gradient, summed in their order. */
  public static double squaredNorm(Collection<Parameter> params) {
    double sq = 0;
    for (Parameter p : params) {
      Tensor g = p.grad();
      if (g != null) sq += SumOfSquares.of(g.data());
    }
    return sq;
  }

  private static void toNorm(Map<String, Parameter> params, double maxNorm, double norm) {
    double coef = maxNorm / (norm + 1e-6);
    if (coef < 1) {
      for (Parameter p : params.values()) {
        Tensor g = p.grad();
        if (g == null) continue;
        float[] d = g.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (d[i] * coef);
      }
    }
  }

  /** Clamps every gradient value to {@code [−clipValue, clipValue]}, as torch's clip_grad_value_. */
  public static void byValue(Map<String, Parameter> params, double clipValue) {
    Ranges.nonNegative("Clip.byValue", "clipValue", clipValue, () -> 1.0);
    float c = (float) clipValue;
    for (Parameter p : params.values()) {
      Tensor g = p.grad();
      if (g == null) continue;
      float[] d = g.data();
      for (int i = 0; i < d.length; i++) d[i] = Math.max(-c, Math.min(c, d[i]));
    }
  }
}
