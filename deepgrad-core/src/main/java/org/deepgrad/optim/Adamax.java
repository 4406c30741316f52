package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.optim.transform.ScaleByAdamax;

/**
 * Hyper-parameters of {@link Optimizers#adamax}, with torch.optim.Adamax's defaults: lr 2e-3,
 * betas (0.9, 0.999), eps 1e-8, weightDecay 0, maximize false.
 */
public record Adamax(double lr, double beta1, double beta2, double eps, double weightDecay,
    boolean maximize)
    implements Hyper<Adamax> {

  /** Validates lr, weightDecay and eps finite and &gt;= 0, and both betas in [0, 1). */
  public Adamax {
    Ranges.nonNegative("Adamax", "lr", lr, () -> defaults().lr());
    Ranges.nonNegative("Adamax", "weightDecay", weightDecay, () -> defaults().weightDecay());
    ScaleByAdamax.validate("Adamax", beta1, beta2, eps);
  }

  /** torch's defaults. */
  public static Adamax defaults() {
    ScaleByAdamax rule = ScaleByAdamax.defaults();
    return new Adamax(2e-3, rule.beta1(), rule.beta2(), rule.eps(), 0, false);
  }

  @Override
  public Adamax lr(double v) {
    return new Adamax(v, beta1, beta2, eps, weightDecay, maximize);
  }

  /** A copy with these moment decays β₁, β₂ (torch's {@code betas}), each in [0, 1); default (0.9, 0.999). */
  public Adamax betas(double b1, double b2) {
    return new Adamax(lr, b1, b2, eps, weightDecay, maximize);
  }

  /** A copy with this eps, added inside the max ({@code |g| + ε}); &gt;= 0, default 1e-8. */
  public Adamax eps(double v) {
    return new Adamax(lr, beta1, beta2, v, weightDecay, maximize);
  }

  @Override
  public Adamax weightDecay(double v) {
    return new Adamax(lr, beta1, beta2, eps, v, maximize);
  }

  /** A copy that ascends the objective (negates g) when {@code v}; torch's {@code maximize}, default false. */
  public Adamax maximize(boolean v) {
    return new Adamax(lr, beta1, beta2, eps, weightDecay, v);
  }
}
