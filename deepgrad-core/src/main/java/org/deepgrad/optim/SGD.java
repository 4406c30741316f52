package org.deepgrad.optim;

import org.deepgrad.optim.transform.Momentum;
import org.deepgrad.optim.transform.Ranges;

/**
 * Hyper-parameters of {@link Optimizers#sgd}, torch.optim.SGD's: {@code lr} has no default (torch
 * requires it), momentum 0, dampening 0, weightDecay 0, nesterov false, maximize false.
 * Nesterov needs momentum &gt; 0 and dampening 0, so set momentum first:
 * {@code SGD.of(0.1).momentum(0.9).nesterov(true)}.
 */
public record SGD(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
    boolean maximize) implements Hyper<SGD> {

  /**
   * Validates lr, weightDecay and momentum finite and &gt;= 0, dampening finite, and nesterov only
   * with momentum &gt; 0 and dampening 0.
   */
  public SGD {
    Ranges.nonNegative("SGD", "lr", lr, () -> 0.01); // torch has no default lr for SGD
    Ranges.nonNegative("SGD", "weightDecay", weightDecay, () -> 0);
    Momentum.validate("SGD", momentum, dampening, nesterov);
  }

  /** Plain SGD with learning rate {@code lr}. */
  public static SGD of(double lr) {
    Momentum rule = Momentum.defaults();
    return new SGD(lr, rule.momentum(), rule.dampening(), 0, rule.nesterov(), false);
  }

  @Override
  public SGD lr(double v) {
    return new SGD(v, momentum, dampening, weightDecay, nesterov, maximize);
  }

  /** A copy with this momentum μ; &gt;= 0, default 0 (no buffer). */
  public SGD momentum(double v) {
    return new SGD(lr, v, dampening, weightDecay, nesterov, maximize);
  }

  /** A copy with this dampening τ, in {@code b = μ·b + (1−τ)·g}; finite, default 0. */
  public SGD dampening(double v) {
    return new SGD(lr, momentum, v, weightDecay, nesterov, maximize);
  }

  @Override
  public SGD weightDecay(double v) {
    return new SGD(lr, momentum, dampening, v, nesterov, maximize);
  }

  /** A copy with Nesterov momentum ({@code d = g + μ·b}) when {@code v}; needs momentum &gt; 0 and dampening 0. */
  public SGD nesterov(boolean v) {
    return new SGD(lr, momentum, dampening, weightDecay, v, maximize);
  }

  /** A copy that ascends the objective (negates g) when {@code v}; torch's {@code maximize}, default false. */
  public SGD maximize(boolean v) {
    return new SGD(lr, momentum, dampening, weightDecay, nesterov, v);
  }
}
