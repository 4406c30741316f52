package org.deepgrad.diagnostics;

import java.util.List;

/**
 * The layers of one sampled step with the step's scalars. A step that was not sampled appears only when
 * its loss was not finite, with no layers, so the first bad step is never lost between samples.
 *
 * @param step the global step (0-based, as the caller counts)
 * @param loss the step's training loss
 * @param lr the learning rate used by the step (the first parameter group's)
 * @param gradNormBefore the global gradient norm √(Σ_p ‖g_p‖²) before clipping
 * @param gradNormAfter the global norm after clipping (equal to before without clipping)
 * @param clipped whether clipping changed the gradients at this step
 * @param clipRate the fraction of steps since the previous record (this one included) where clipping fired
 * @param layers the layers in depth order, empty for a step that was not sampled
 */
public record StepStats(long step, double loss, double lr, double gradNormBefore, double gradNormAfter,
    boolean clipped, double clipRate, List<LayerStats> layers) {

  /** Copies the layer list. */
  public StepStats {
    layers = List.copyOf(layers);
  }

  /** Whether per-layer statistics were collected at this step. */
  public boolean sampled() {
    return !layers.isEmpty();
  }
}
