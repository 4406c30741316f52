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
   * finite: Δw is then NaN or infinite). Four partial sums of each, so the additions do not wait on
   * each other.
   */
  ParamStats withUpdate(float[] before, float[] after) {
    double d0 = 0, d1 = 0, d2 = 0, d3 = 0;
    double w0 = 0, w1 = 0, w2 = 0, w3 = 0;
    int i = 0;
    for (; i + 3 < before.length; i += 4) {
      double a = (double) after[i] - before[i];
      double b = (double) after[i + 1] - before[i + 1];
      double c = (double) after[i + 2] - before[i + 2];
      double d = (double) after[i + 3] - before[i + 3];
      d0 += a * a;
      d1 += b * b;
      d2 += c * c;
      d3 += d * d;
      w0 += (double) before[i] * before[i];
      w1 += (double) before[i + 1] * before[i + 1];
      w2 += (double) before[i + 2] * before[i + 2];
      w3 += (double) before[i + 3] * before[i + 3];
    }
    for (; i < before.length; i++) {
      double a = (double) after[i] - before[i];
      d0 += a * a;
      w0 += (double) before[i] * before[i];
    }
    double wSq = (w0 + w1) + (w2 + w3);
    int bad = 0;
    if (!Double.isFinite(wSq)) {
      bad = nonFinite(before);
      wSq = finiteSumOfSquares(before);
    }
    double weightNorm = Math.sqrt(wSq);
    double ratio = bad > 0 ? Double.NaN : Math.sqrt((d0 + d1) + (d2 + d3)) / weightNorm;
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
