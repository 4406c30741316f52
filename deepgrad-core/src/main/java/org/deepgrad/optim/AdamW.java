package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;

/**
 * Hyper-parameters of {@link Optimizers#adamw}, with torch.optim.AdamW's defaults: lr 1e-3,
 * betas (0.9, 0.999), eps 1e-8, weightDecay 1e-2 (decoupled), amsgrad false, maximize false.
 */
public record AdamW(double lr, double beta1, double beta2, double eps, double weightDecay,
    boolean amsgrad, boolean maximize)
    implements Hyper<AdamW> {

  /** Validates lr, weightDecay and eps finite and &gt;= 0, and both betas in [0, 1). */
  public AdamW {
    Ranges.nonNegative("AdamW", "lr", lr, 1e-3);
    Ranges.nonNegative("AdamW", "weightDecay", weightDecay, 1e-2);
    Ranges.betas("AdamW", beta1, beta2);
    Ranges.nonNegative("AdamW", "eps", eps, 1e-8);
  }

  /** torch's defaults. */
  public static AdamW defaults() {
    return new AdamW(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false);
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
