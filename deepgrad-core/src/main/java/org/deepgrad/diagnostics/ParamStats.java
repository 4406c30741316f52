package org.deepgrad.diagnostics;

import org.deepgrad.nn.Parameter;
import org.deepgrad.tensor.Tensor;

/**
 * One parameter at a sampled step, its gradient taken after backward and before clipping.
 *
 * <pre>
 * gradNorm     ‖g‖₂ = √(Σ g²)          (0 when no gradient reached the parameter)
 * gradRms      ‖g‖₂ / √n               comparable across layers of different sizes
 * weightNorm   ‖w‖₂ before the step
 * updateRatio  ‖w_after − w_before‖₂ / ‖w_before‖₂ over the optimizer step (and any constraint),
 *              ~1e-3 in a healthy run (Karpathy, CS231n "Neural Networks Part 3"); NaN until the step
 * </pre>
 *
 * @param name the parameter's path, e.g. {@code "0.weight"}
 * @param role weight, bias or normalization
 * @param gradNorm ‖g‖₂ over the finite entries
 * @param gradRms ‖g‖₂ / √n
 * @param weightNorm ‖w‖₂ over the finite entries
 * @param updateRatio ‖Δw‖₂ / ‖w‖₂, NaN before the step is known, infinite for a weight that was 0 (a
 *     zero-initialized bias) and moved
 * @param nonFiniteGrad NaN or infinite entries of the gradient
 * @param nonFiniteWeight NaN or infinite entries of the weight
 */
public record ParamStats(String name, Parameter.Role role, double gradNorm, double gradRms, double weightNorm,
    double updateRatio, int nonFiniteGrad, int nonFiniteWeight) {

  /** The statistics of {@code p} now, with the update ratio not yet known. */
  static ParamStats of(String name, Parameter p) {
    float[] w = p.value().data();
    Tensor g = p.grad();
    double gradSq = 0;
    int badGrad = 0;
    if (g != null) {
      for (float v : g.data()) {
        if (Float.isFinite(v)) gradSq += (double) v * v;
        else badGrad++;
      }
    }
    double wSq = 0;
    int badWeight = 0;
    for (float v : w) {
      if (Float.isFinite(v)) wSq += (double) v * v;
      else badWeight++;
    }
    double gradNorm = Math.sqrt(gradSq);
    return new ParamStats(name, p.role(), gradNorm, gradNorm / Math.sqrt(w.length), Math.sqrt(wSq), Double.NaN,
        badGrad, badWeight);
  }

  /** These statistics with the update ratio of a step from {@code before} to the current {@code after}. */
  ParamStats withUpdate(float[] before, float[] after) {
    double diff = 0;
    double base = 0;
    for (int i = 0; i < before.length; i++) {
      double d = (double) after[i] - before[i];
      diff += d * d;
      base += (double) before[i] * before[i];
    }
    return new ParamStats(name, role, gradNorm, gradRms, weightNorm, Math.sqrt(diff) / Math.sqrt(base),
        nonFiniteGrad, nonFiniteWeight);
  }
}
