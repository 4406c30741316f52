package org.deepgrad.nn;

import java.util.List;

/** {@link Sequential}'s kernel: its children's kernels in order, backward in reverse. */
final class SequentialKernel implements Kernel {
  private final Kernel[] layers;

  SequentialKernel(List<Kernel> layers) {
    this.layers = layers.toArray(new Kernel[0]);
  }

  @Override
  public float[] forward(float[] x, int rows) {
    for (Kernel k : layers) x = k.forward(x, rows);
    return x;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    for (int i = layers.length - 1; i >= 0; i--) {
      dy = layers[i].backward(dy, rows, inputGrad || i > 0);
    }
    return dy;
  }
}
