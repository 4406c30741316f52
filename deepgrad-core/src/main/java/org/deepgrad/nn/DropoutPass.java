package org.deepgrad.nn;

import org.deepgrad.ops.Stochastic;

/**
 * {@link Dropout}'s buffered pass: in training mode with {@code p > 0}, the mask of
 * {@link Stochastic#dropoutScale} (the same draws from the layer's generator as the op) times the
 * input; otherwise the input itself.
 */
final class DropoutPass implements BufferedPass {
  private final Dropout layer;
  private float[] scale;
  private float[] y;
  private boolean applied;

  DropoutPass(Dropout layer) {
    this.layer = layer;
  }

  @Override
  public float[] forward(float[] x, int rows) {
    applied = layer.isTraining() && layer.p() > 0;
    if (!applied) return x;
    scale = BufferedPass.sized(scale, x.length);
    y = BufferedPass.sized(y, x.length);
    Stochastic.dropoutScale(scale, layer.p(), layer.rng());
    for (int i = 0; i < y.length; i++) y[i] = x[i] * scale[i];
    return y;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    if (!inputGrad) return null;
    if (applied) for (int i = 0; i < dy.length; i++) dy[i] = dy[i] * scale[i];
    return dy;
  }
}
