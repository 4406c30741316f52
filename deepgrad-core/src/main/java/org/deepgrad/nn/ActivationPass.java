package org.deepgrad.nn;

import org.deepgrad.backend.Backends;
import org.deepgrad.backend.Parallel;
import org.deepgrad.ops.ActivationFn;
import org.deepgrad.ops.Activations;

/**
 * {@link Activation}'s buffered pass: ReLU through {@link Activations#reluForward}/{@link Activations#reluBackward},
 * any other activation through its {@link ActivationFn}, the same array code as the ops. The
 * backward writes the input gradient over {@code dy}. Elements are independent, so a pass of at least
 * {@value #MIN_SPLIT} elements is cut into one range per backend thread ({@link Parallel}) with the
 * same bits.
 */
final class ActivationPass implements BufferedPass, Parallel.Task {
  /** Fewest elements worth handing a range to another thread. */
  private static final int MIN_SPLIT = 1 << 15;

  private final ActivationFn fn; // null for ReLU
  private float[] x;
  private float[] y;
  private float[] dy; // during a backward pass, else null

  ActivationPass(ActivationFn fn) {
    this.fn = fn;
  }

  @Override
  public float[] forward(float[] x, int rows) {
    this.x = x;
    y = BufferedPass.sized(y, x.length);
    split(x.length);
    return y;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    if (!inputGrad) return null;
    this.dy = dy;
    try {
      split(dy.length);
    } finally {
      this.dy = null;
    }
    return dy;
  }

  private void split(int n) {
    Parallel.run(n < MIN_SPLIT ? 1 : Math.min(Backends.current().threads(), n / (MIN_SPLIT / 2)), this);
  }

  /** Elements {@code [n·part/parts, n·(part+1)/parts)} of the forward, or of the backward while one runs. */
  @Override
  public void run(int part, int parts) {
    int n = y.length;
    int from = Parallel.bound(n, part, parts);
    int to = Parallel.bound(n, part + 1, parts);
    if (dy == null) {
      if (fn == null) Activations.reluForward(x, y, from, to);
      else fn.forward(x, y, from, to);
    } else {
      if (fn == null) Activations.reluBackward(x, dy, dy, from, to);
      else fn.backward(x, y, dy, dy, from, to);
    }
  }
}
