package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * An initializer whose scale depends on the fans of the weight ({@link Fans}). By default the fans
 * come from the tensor's own shape, as in torch.nn.init; pass them explicitly to initialize a bias
 * from its weight's fans, as torch's Linear does:
 * {@code Init.standard().fill(bias, Fans.of(weight.shape()), rng)}.
 */
@FunctionalInterface
public interface FanBased extends Initializer {

  /** Overwrites every element of {@code t}, scaled by {@code fans}. */
  void fill(Tensor t, Fans fans, Rng rng);

  /** Fills {@code t} using the fans of its own shape (rank &gt;= 2); a tensor with no elements is left alone. */
  @Override
  default void fill(Tensor t, Rng rng) {
    if (t.size() == 0) return; // torch warns and does nothing; there are no fans to compute
    fill(t, Fans.of(t.shape()), rng);
  }
}
