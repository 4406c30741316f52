package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * The "commonly used heuristic" that Glorot and Bengio (AISTATS 2010, eq. 1) call the standard
 * initialization: {@code W ~ U[-1/√fanIn, 1/√fanIn]}, variance 1/(3·fanIn).
 *
 * <p>It is also torch's default for {@code nn.Linear}: {@code kaiming_uniform_(a=√5)} gives gain
 * √(2/(1+5)) = 1/√3 and bound √3·gain/√fanIn = 1/√fanIn, the same distribution; and torch draws the
 * bias from the same U(±1/√fanIn) with the weight's fanIn, which is
 * {@code Init.standard().fill(bias, Fans.of(weight.shape()), rng)}.
 */
public record Standard() implements FanBased {

  @Override
  public void fill(Tensor t, Fans fans, Rng rng) {
    double bound = 1 / Math.sqrt(fans.fanIn());
    Uniform.fill(t.data(), -bound, bound, rng);
  }
}
