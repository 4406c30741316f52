package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Fills a tensor with initial values, drawing any randomness from {@code rng} (so a seed fixes the
 * result). Writes the tensor's data in place, bypassing the tape, as torch.nn.init does under
 * {@code no_grad}. Factories and the name registry are in {@link Init}.
 */
@FunctionalInterface
public interface Initializer {

  /** Overwrites every element of {@code t}. */
  void fill(Tensor t, Rng rng);
}
