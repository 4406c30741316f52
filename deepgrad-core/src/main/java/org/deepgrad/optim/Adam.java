package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.optim.transform.ScaleByAdam;

/**
 * Hyper-parameters of {@link Optimizers#adam}, with torch.optim.Adam's defaults: lr 1e-3,
 * betas (0.9, 0.999), eps 1e-8, weightDecay 0 (L2: added to the gradient), amsgrad false,
 * maximize false.
 */
public record Adam(double lr, double beta1, double beta2, double eps, double weightDecay,
    boolean amsgrad, boolean maximize)
    implements Hyper<Adam> {

  /** Validates lr and weightDecay finite and &gt;= 0, and the rest as {@link ScaleByAdam#validate}. */
  public Adam {
    Ranges.nonNegative("Adam", "lr", lr, () -> defaults().lr());
    Ranges.nonNegative("Adam", "weightDecay", weightDecay, () -> defaults().weightDecay());
    ScaleByAdam.validate("Adam", beta1, beta2, eps);
  }

  /** torch's defaults (those of the rule from {@link ScaleByAdam#defaults()}). */
  public static Adam defaults() {
    ScaleByAdam rule = ScaleByAdam.defaults();
    return new Adam(1e-3, rule.beta1(), rule.beta2(), rule.eps(), 0, rule.amsgrad(), false);
  }

  @Override
  public Adam lr(double v) {
    return new Adam(v, beta1, beta2, eps, weightDecay, amsgrad, maximize);
  }

  /** A copy with these moment decays β₁, β₂ (torch's {@code betas}), each in [0, 1); default (0.9, 0.999). */
  public Adam betas(double b1, double b2) {
    return new Adam(lr, b1, b2, eps, weightDecay, amsgrad, maximize);
  }

  /** A copy with this eps, added after the bias-corrected root; &gt;= 0, default 1e-8. */
  public Adam eps(double v) {
    return new Adam(lr, beta1, beta2, v, weightDecay, amsgrad, maximize);
  }

  @Override
  public Adam weightDecay(double v) {
    return new Adam(lr, beta1, beta2, eps, v, amsgrad, maximize);
  }

  /** A copy that divides by the running maximum of v when {@code v} (AMSGrad, Reddi et al. 2018); default false. */
  public Adam amsgrad(boolean v) {
    return new Adam(lr, beta1, beta2, eps, weightDecay, v, maximize);
  }

  /** A copy that ascends the objective (negates g) when {@code v}; torch's {@code maximize}, default false. */
  public Adam maximize(boolean v) {
    return new Adam(lr, beta1, beta2, eps, weightDecay, amsgrad, v);
  }
}
