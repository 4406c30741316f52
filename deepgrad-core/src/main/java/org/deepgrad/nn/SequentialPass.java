package org.deepgrad.nn;

import java.util.List;

/**
 * {@link Sequential}'s buffered pass: its children's passes in order, backward in reverse, reporting each
 * child's output and the gradient reaching it to the child's {@link Module#watchOutput watches}
 * (before the child's backward, which may overwrite that gradient).
 */
final class SequentialPass implements BufferedPass {
  private final Module[] modules;
  private final BufferedPass[] layers;

  SequentialPass(List<Module> modules, List<BufferedPass> layers) {
    this.modules = modules.toArray(new Module[0]);
    this.layers = layers.toArray(new BufferedPass[0]);
  }

  @Override
  public float[] forward(float[] x, int rows) {
    for (int i = 0; i < layers.length; i++) {
      x = layers[i].forward(x, rows);
      modules[i].observeOutput(x, rows);
    }
    return x;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    for (int i = layers.length - 1; i >= 0; i--) {
      modules[i].observeOutputGrad(dy, rows);
      dy = layers[i].backward(dy, rows, inputGrad || i > 0);
    }
    return dy;
  }
}
