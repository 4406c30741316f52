package org.deepgrad.optim.clip;

import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.transform.Ranges;

/**
 * Weight clipping: after each step every value of every parameter is clamped to {@code [−c, c]},
 * {@code θ ← min(max(θ, −c), c)}. This is the "weight clipping" of the tutorial articles and of
 * the Wasserstein GAN critic (Arjovsky et al. 2017, c = 0.01); it bounds the weights, unlike
 * gradient clipping ({@link Clip}), which bounds the step.
 */
public record WeightClip(double c) implements Constraint {

  /** Validates c finite and &gt;= 0. */
  public WeightClip {
    Ranges.nonNegative("WeightClip", "c", c, () -> 0.01);
  }

  @Override
  public void apply(Parameter p) {
    float hi = (float) c;
    float[] w = p.value().data();
    for (int i = 0; i < w.length; i++) w[i] = Math.max(-hi, Math.min(hi, w[i]));
  }
}
