package org.deepgrad.nn;

import org.deepgrad.ops.Shaping;
import org.deepgrad.tensor.Tensor;

/** Flattens every dimension after the first: {@code [n, d1, d2, ...] -> [n, d1·d2·...]}, a view. */
public final class Flatten extends Module {
  @Override
  public Tensor forward(Tensor x) {
    if (x.rank() < 1) throw new IllegalArgumentException("Flatten needs a batch dimension; got a scalar");
    return Shaping.reshape(x, x.dim(0), -1);
  }

  /** The identity on the flat row-major data buffered passes work on. */
  @Override
  public BufferedPass bufferedPass() {
    return BufferedPass.identity();
  }
}
