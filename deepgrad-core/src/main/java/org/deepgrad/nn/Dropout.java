package org.deepgrad.nn;

import org.deepgrad.ops.Stochastic;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Inverted dropout (Srivastava et al. 2014, as {@code torch.nn.Dropout}): in training each element is
 * zeroed with probability p and the survivors are scaled by {@code 1/(1−p)}, so evaluation (where the
 * layer is the identity) needs no rescaling. The mask comes from the given seeded generator.
 */
public final class Dropout extends Module {
  private final float p;
  private final Rng rng;

  /** @param p the probability of zeroing an element, in [0, 1] */
  public Dropout(float p, Rng rng) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("dropout probability must be in [0, 1], got " + p);
    }
    this.p = p;
    this.rng = rng;
  }

  @Override
  public Tensor forward(Tensor x) {
    return Stochastic.dropout(x, p, isTraining(), rng);
  }

  @Override
  public BufferedPass bufferedPass() {
    return new DropoutPass(this);
  }

  /**
   * The generator the masks are drawn from (null when none was given, which only p = 0 or 1
   * allows); checkpoints save its {@link Rng#state()} and restore it in place with {@link Rng#restore}.
   */
  public Rng rng() {
    return rng;
  }

  /** The probability of zeroing an element in training, in [0, 1]. */
  public float p() {
    return p;
  }

  @Override
  public String toString() {
    return "Dropout(" + p + ")";
  }
}
