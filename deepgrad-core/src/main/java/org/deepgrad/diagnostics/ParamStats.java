package org.deepgrad.diagnostics;

import org.deepgrad.nn.Parameter;
import org.deepgrad.ops.Reductions;
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
 * @param weightNorm ‖w‖₂ over the finite entries, before the step
 * @param updateRatio ‖Δw‖₂ / ‖w‖₂, NaN before the step is known, infinite for a weight that was 0 (a
 *     zero-initialized bias) and moved
 * @param nonFiniteGrad NaN or infinite entries of the gradient
 * @param nonFiniteWeight NaN or infinite entries of the weight before the step
 */
public record ParamStats(String name, Parameter.Role role, double gradNorm, double gradRms, double weightNorm,
    double updateRatio, int nonFiniteGrad, int nonFiniteWeight) {

  /**
   * The gradient statistics of {@code p} now; the weight's wait for {@link #withUpdate}, which reads
   * the weights before the step anyway. {@code gradSq} is {@link Reductions#sumOfSquares} of the
   * gradient (0 without one), which the recorder also sums into the global norm. A finite sum of
   * squares means every entry is finite (a float's square cannot overflow a double), so the entries
   * are walked one by one, to count the bad ones, only when it is not.
   */
  static ParamStats of(String name, Parameter p, double gradSq) {
    Tensor g = p.grad();
    int bad = 0;
    if (!Double.isFinite(gradSq)) {
      bad = nonFinite(g.data());
      gradSq = finiteSumOfSquares(g.data());
    }
    double gradNorm = Math.sqrt(gradSq);
    return new ParamStats(name, p.role(), gradNorm, gradNorm / Math.sqrt(p.value().size()), Double.NaN, Double.NaN,
        bad, 0);
  }

  /**
   * These statistics with the weight's, from its values {@code before} the step and {@code after} it,
   * in one pass over both: ‖before‖₂ and ‖after − before‖₂ / ‖before‖₂ (NaN when a weight was not
   * finite: Δw is then NaN or infinite). Each block of eight squares is summed in float and the blocks
   * in double: half the time of squaring and summing every value in double, which this pass spent
   * mostly converting floats, for a relative error below 10⁻⁶ (eight float roundings; a float
   * difference of two nearby floats is exact); squares below 10⁻³⁸ (values under 10⁻¹⁹) lose digits,
   * and a square beyond the float range sends the pass to a double one.
   */
  ParamStats withUpdate(float[] before, float[] after) {
    double diff = 0;
    double base = 0;
    int i = 0;
    for (; i + 7 < before.length; i += 8) {
      float d0 = after[i] - before[i], d1 = after[i + 1] - before[i + 1];
      float d2 = after[i + 2] - before[i + 2], d3 = after[i + 3] - before[i + 3];
      float d4 = after[i + 4] - before[i + 4], d5 = after[i + 5] - before[i + 5];
      float d6 = after[i + 6] - before[i + 6], d7 = after[i + 7] - before[i + 7];
      diff += (double) ((d0 * d0 + d1 * d1) + (d2 * d2 + d3 * d3)) + (double) ((d4 * d4 + d5 * d5) + (d6 * d6 + d7 * d7));
      float w0 = before[i], w1 = before[i + 1], w2 = before[i + 2], w3 = before[i + 3];
      float w4 = before[i + 4], w5 = before[i + 5], w6 = before[i + 6], w7 = before[i + 7];
      base += (double) ((w0 * w0 + w1 * w1) + (w2 * w2 + w3 * w3)) + (double) ((w4 * w4 + w5 * w5) + (w6 * w6 + w7 * w7));
    }
    for (; i < before.length; i++) {
      double d = (double) after[i] - before[i];
      diff += d * d;
      base += (double) before[i] * before[i];
    }
    int bad = 0;
    if (!Double.isFinite(base) || !Double.isFinite(diff)) { // a weight not finite, or a square beyond float range
      bad = nonFinite(before);
      base = finiteSumOfSquares(before);
      diff = 0;
      for (int k = 0; k < before.length; k++) diff += ((double) after[k] - before[k]) * ((double) after[k] - before[k]);
    }
    double weightNorm = Math.sqrt(base);
    double ratio = bad > 0 ? Double.NaN : Math.sqrt(diff) / weightNorm;
    return new ParamStats(name, role, gradNorm, gradRms, weightNorm, ratio, nonFiniteGrad, bad);
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
