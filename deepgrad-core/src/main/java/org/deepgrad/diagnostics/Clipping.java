package org.deepgrad.diagnostics;

/**
 * What gradient clipping did at a step, as the caller saw it.
 *
 * @param normBefore the global gradient norm before clipping
 * @param normAfter the global norm after clipping
 * @param fired whether clipping changed the gradients
 */
public record Clipping(double normBefore, double normAfter, boolean fired) {

  /**
   * Clipping by global norm with {@code maxNorm} (org.deepgrad.optim.clip.Clip.byGlobalNorm, torch's
   * clip_grad_norm_) that measured {@code normBefore}: it fires when {@code normBefore > maxNorm},
   * leaving a norm of about maxNorm (0 for an infinite norm, whose gradients are scaled by 0).
   */
  public static Clipping byNorm(double normBefore, double maxNorm) {
    boolean fired = normBefore > maxNorm;
    return new Clipping(normBefore, !fired ? normBefore : Double.isInfinite(normBefore) ? 0 : maxNorm, fired);
  }
}
