package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.optim.transform.ScaleByAdam;

/**
 * Hyper-parameters of {@link Optimizers#adamw}, with torch.optim.AdamW's defaults: lr 1e-3,
 * betas (0.9, 0.999), eps 1e-8, weightDecay 1e-2 (decoupled), amsgrad false, maximize false.
 */
public record AdamW(double lr, double beta1, double beta2, double eps, double weightDecay,
    boolean amsgrad, boolean maximize)
    implements Hyper<AdamW> {

  /** Validates lr and weightDecay finite and &gt;= 0, and the rest as {@link ScaleByAdam#validate}. */
  public AdamW {
    Ranges.nonNegative("AdamW", "lr", lr, () -> defaults().lr());
    Ranges.nonNegative("AdamW", "weightDecay", weightDecay, () -> defaults().weightDecay());
    ScaleByAdam.validate("AdamW", beta1, beta2, eps);
  }

  /** torch's defaults (those of the rule from {@link ScaleByAdam#defaults()}). */
  public static AdamW defaults() {
    ScaleByAdam rule = ScaleByAdam.defaults();
    return new AdamW(1e-3, rule.beta1(), rule.beta2(), rule.eps(), 1e-2, rule.amsgrad(), false);
  }

  @Override
  public AdamW lr(double v) {
    return new AdamW(v, beta1, beta2, eps, weightDecay, amsgrad, maximize);
  }

  /** A copy with these moment decays β₁, β₂ (torch's {@code betas}), each in [0, 1); default (0.9, 0.999). */
  public AdamW betas(double b1, double b2) {
    return new AdamW(lr, b1, b2, eps, weightDecay, amsgrad, maximize);
  }

  /** A copy with this eps, added after the bias-corrected root; &gt;= 0, default 1e-8. */
  public AdamW eps(double v) {
    return new AdamW(lr, beta1, beta2, v, weightDecay, amsgrad, maximize);
  }

  @Override
  public AdamW weightDecay(double v) {
    return new AdamW(lr, beta1, beta2, eps, v, amsgrad, maximize);
  }

  /** A copy that divides by the running maximum of v when {@code v} (AMSGrad, Reddi et al. 2018); default false. */
  public AdamW amsgrad(boolean v) {
    return new AdamW(lr, beta1, beta2, eps, weightDecay, v, maximize);
  }

  /** A copy that ascends the objective (negates g) when {@code v}; torch's {@code maximize}, default false. */
  public AdamW maximize(boolean v) {
    return new AdamW(lr, beta1, beta2, eps, weightDecay, amsgrad, v);
  }
}
