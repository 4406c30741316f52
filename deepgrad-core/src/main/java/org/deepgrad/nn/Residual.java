package org.deepgrad.nn;

import org.deepgrad.ops.Arithmetic;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * A residual connection (He et al. 2016), {@code y = x + f(x)}, or {@code y = P x + f(x)} with a
 * learned projection P (a {@link Linear} without bias) when f changes the width. The identity path
 * carries the gradient back unattenuated, which is why deep residual stacks keep training.
 */
public final class Residual extends Module {
  private final Module body;
  private final Linear projection;

  /** {@code x + body(x)}: the body must keep the width. */
  public Residual(Module body) {
    this.body = registerModule("body", body);
    this.projection = null;
  }

  /** {@code P x + body(x)} where the body maps {@code in} features to {@code out}. */
  public Residual(Module body, int in, int out, Rng rng) {
    this.body = registerModule("body", body);
    this.projection = in == out ? null : registerModule("projection", new Linear(in, out, false, null, rng));
  }

  @Override
  public Tensor forward(Tensor x) {
    Tensor fx = body.call(x);
    Tensor skip = projection == null ? x : projection.call(x);
    if (!skip.shape().equals(fx.shape())) {
      throw new IllegalArgumentException("Residual: the body maps " + x.shape() + " to " + fx.shape()
          + "; use new Residual(body, in, out, rng) to add a projection when the width changes");
    }
    return Arithmetic.add(skip, fx);
  }

  /** The body's and the projection's buffered passes summed, or null when the body has none. */
  @Override
  public BufferedPass bufferedPass() {
    BufferedPass b = body.bufferedPass();
    return b == null ? null : new ResidualPass(b, projection == null ? null : projection.bufferedPass());
  }

  /** The residual branch f in {@code y = x + f(x)}. */
  public Module body() {
    return body;
  }

  @Override
  public String toString() {
    return "Residual(" + body + (projection == null ? ")" : ", " + projection + ")");
  }
}
