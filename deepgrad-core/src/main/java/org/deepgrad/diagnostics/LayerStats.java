package org.deepgrad.diagnostics;

import java.util.List;
import org.deepgrad.nn.Activation;

/**
 * One layer at a sampled step (a layer is a Linear with the normalization and activation that follow
 * it; see {@link Recorder}).
 *
 * @param name the module path of the layer's Linear
 * @param index the layer's depth, 0 for the first
 * @param activationKind the layer's activation, {@code IDENTITY} when it has none
 * @param params the layer's parameters, the Linear's weight first
 * @param activation the layer's output (post-activation) over the batch; null when the layer was not
 *     reached through {@link org.deepgrad.nn.Module#call} (a container calling {@code forward} directly)
 * @param outputGrad the gradient back-propagated to that output, ∂loss/∂a (Glorot &amp; Bengio 2010); null
 *     as the activation, or when no gradient reached it
 * @param saturation the saturated fraction of the activation ({@link Saturation#fraction}); NaN for
 *     activations that do not saturate
 * @param deadFraction the fraction of ReLU units at 0 for the whole batch ({@link Saturation#deadFraction});
 *     NaN for other activations
 */
public record LayerStats(String name, int index, Activation.Kind activationKind, List<ParamStats> params,
    Summary activation, Summary outputGrad, double saturation, double deadFraction) {

  /** Copies the parameter list. */
  public LayerStats {
    params = List.copyOf(params);
  }

  /** The statistics of the layer's Linear weight. */
  public ParamStats weight() {
    return params.get(0);
  }

  /** The RMS of the gradient back-propagated to the layer's output; NaN where it was not caught. */
  public double outputGradRms() {
    return outputGrad == null ? Double.NaN : outputGrad.rms();
  }

  /** NaN and infinite values counted in the activation, its gradient and every parameter and its gradient. */
  public long nonFinite() {
    long n = (activation == null ? 0 : activation.nonFinite()) + (outputGrad == null ? 0 : outputGrad.nonFinite());
    for (ParamStats p : params) n += p.nonFiniteGrad() + p.nonFiniteWeight();
    return n;
  }
}
