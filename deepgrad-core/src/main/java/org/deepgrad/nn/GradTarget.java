package org.deepgrad.nn;

import org.deepgrad.tensor.Tensor;

/**
 * Where a buffered pass writes one parameter's gradient, with autograd's arithmetic: straight into a
 * fresh {@link Tensor#grad()} when the parameter has none (the trainer's case, after zeroGrad), or
 * into a scratch array that {@link #finish()} then adds into the existing gradient element by
 * element, as {@link Tensor#accumulateGrad} does.
 */
final class GradTarget {
  private final Tensor param;
  private float[] scratch;
  private boolean accumulate;

  GradTarget(Tensor param) {
    this.param = param;
  }

  /** The array to write the whole gradient into (contents undefined until written). */
  float[] begin() {
    Tensor g = param.grad();
    accumulate = g != null;
    if (!accumulate) return param.freshGrad().data();
    scratch = BufferedPass.sized(scratch, param.size());
    return scratch;
  }

  /** Adds the written gradient into the existing one, when there was one. */
  void finish() {
    if (!accumulate) return;
    float[] acc = param.grad().data();
    for (int i = 0; i < acc.length; i++) acc[i] += scratch[i];
  }
}
