package org.deepgrad.nn;

import org.deepgrad.ops.ActivationFn;
import org.deepgrad.ops.Activations;

/**
 * {@link Activation}'s buffered pass: ReLU through {@link Activations#reluForward}/{@link Activations#reluBackward},
 * any other activation through its {@link ActivationFn}, the same array code as the ops. The
 * backward writes the input gradient over {@code dy}.
 */
final class ActivationPass implements BufferedPass {
  private final ActivationFn fn; // null for ReLU
  private float[] x;
  private float[] y;

  ActivationPass(ActivationFn fn) {
    this.fn = fn;
  }

  @Override
  public float[] forward(float[] x, int rows) {
    this.x = x;
    y = BufferedPass.sized(y, x.length);
    if (fn == null) Activations.reluForward(x, y, y.length);
    else fn.forward(x, y, y.length);
    return y;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    if (!inputGrad) return null;
    if (fn == null) Activations.reluBackward(x, dy, dy, dy.length);
    else fn.backward(x, y, dy, dy, dy.length);
    return dy;
  }
}
