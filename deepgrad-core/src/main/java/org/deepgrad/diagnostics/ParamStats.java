package org.deepgrad.diagnostics;

import org.deepgrad.nn.Parameter;
import org.deepgrad.ops.SumOfSquares;
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

  /**
   * The statistics of {@code p} now, with the update ratio not yet known. {@code gradSq} is
   * {@link SumOfSquares#of} of its gradient (0 without one), which the recorder also sums into
   * the global norm. A finite sum of squares means every entry is finite (a float's square cannot
   * overflow a double), so the entries are walked one by one, to count the bad ones, only when it is not.
   */
  static ParamStats of(String name, Parameter p, double gradSq) {
    Tensor g = p.grad();
    int badGrad = 0;
    if (!Double.isFinite(gradSq)) {
      badGrad = nonFinite(g.data());
      gradSq = finiteSumOfSquares(g.data());
    }
    float[] w = p.value().data();
    double wSq = SumOfSquares.of(w);
    int badWeight = 0;
    if (!Double.isFinite(wSq)) {
      badWeight = nonFinite(w);
      wSq = finiteSumOfSquares(w);
    }
    double gradNorm = Math.sqrt(gradSq);
    return new ParamStats(name, p.role(), gradNorm, gradNorm / Math.sqrt(w.length), Math.sqrt(wSq), Double.NaN,
        badGrad, badWeight);
  }

  /**
   * These statistics with the update ratio of a step from the weights {@code before} it (a copy, which
   * this overwrites with Δw = after − before) to the current {@code after}: ‖Δw‖₂ / weightNorm, NaN
   * when a weight was not finite. Δw is taken in float (exact when the two values are within a factor
   * of two, as a step's are, else rounded to the nearest float), its squares summed in double.
   */
  ParamStats withUpdate(float[] before, float[] after) {
    for (int i = 0; i < before.length; i++) before[i] = after[i] - before[i];
    double ratio = nonFiniteWeight > 0 ? Double.NaN : Math.sqrt(SumOfSquares.of(before)) / weightNorm;
    return new ParamStats(name, role, gradNorm, gradRms, weightNorm, ratio, nonFiniteGrad, nonFiniteWeight);
  }

  private static int nonFinite(float[] x) {
    int bad = 0;
    for (float v : x) if (!Float.isFinite(v)) bad++;
    return bad;
  }

  private static double finiteSumOfSquares(float[] x) {
    double sq = 0;
    for (float v : x) if (Float.isFinite(v)) sq += (double) v * v;
    return sq;
  }
}
