package org.deepgrad.optim.transform;

/**
 * Weight decay as a link: {@code u ← u + λ·θ}.
 *
 * <p>Where it sits decides what it means. Before a moment-based scaling it is the L2 gradient
 * {@code λθ} of the penalty {@code λ/2·‖θ‖²}, scaled like the rest of the gradient (torch's
 * {@code weight_decay} in SGD, Adam, RMSprop...). After {@link ScaleByAdam} it is decoupled decay,
 * {@code θ ← θ − lr·λ·θ} whatever the adaptive scaling (torch.optim.AdamW; Loshchilov &amp; Hutter,
 * "Decoupled Weight Decay Regularization", ICLR 2019). A decay of 0 leaves {@code u} untouched.
 */
public record AddDecayedWeights(double weightDecay) implements Transform<Void> {

  /** Validates weightDecay finite and &gt;= 0. */
  public AddDecayedWeights {
    Ranges.nonNegative("AddDecayedWeights", "weightDecay", weightDecay, () -> 1e-2);
  }

  @Override
  public Void init(int size) {
    return null;
  }

  @Override
  public void update(Void state, float[] u, float[] theta, Step step) {
    if (weightDecay != 0) Affine.apply(1, weightDecay, u, theta);
  }
}
