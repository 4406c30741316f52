package org.deepgrad.ops;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Tensor;

/**
 * An element-wise activation: {@code y = f(x)} in the forward pass and {@code dx = g · f'(x)} in the
 * backward, the derivative allowed to reuse the output (sigmoid' = y(1 − y)). Values are computed in
 * double and stored as float32. The array forms ({@link #forward(float[], float[], int, int)},
 * {@link #backward}) are the whole arithmetic: the tape op below and the buffered passes of
 * {@code org.deepgrad.nn} both call them, so the two paths agree bit for bit.
 *
 * @param op the op's name on the tape
 * @param f the function of one element
 * @param df the derivative at one element, given the input and the (float32) output
 */
public record ActivationFn(String op, Forward f, Derivative df) {

  /** The function applied to one element. */
  @FunctionalInterface
  public interface Forward {
    double apply(double x);
  }

  /** The derivative at one element, given the input and the (float32) output. */
  @FunctionalInterface
  public interface Derivative {
    double apply(double x, double y);
  }

  /** {@code y[i] = f(x[i])} for elements {@code [from, to)}. */
  public void forward(float[] x, float[] y, int from, int to) {
    for (int i = from; i < to; i++) y[i] = (float) f.apply(x[i]);
  }

  /** {@code dx[i] = g[i] · f'(x[i], y[i])} for elements {@code [from, to)}; {@code dx} may be {@code g}. */
  public void backward(float[] x, float[] y, float[] g, float[] dx, int from, int to) {
    for (int i = from; i < to; i++) dx[i] = (float) (g[i] * df.apply(x[i], y[i]));
  }

  /** The op on the tape. */
  public Tensor apply(Tensor x) {
    float[] v = x.data();
    float[] y = new float[v.length];
    forward(v, y, 0, y.length);
    return Autograd.record(y, x.shape(), op, g -> {
      float[] d = new float[v.length];
      backward(v, y, g.data(), d, 0, d.length);
      return new Tensor[] {Tensor.of(d, x.shape())};
    }, x);
  }
}
