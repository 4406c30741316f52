package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.optim.transform.ScaleByNadam;

/**
 * Hyper-parameters of {@link Optimizers#nadam}, with torch.optim.NAdam's defaults: lr 2e-3,
 * betas (0.9, 0.999), eps 1e-8, weightDecay 0, momentumDecay 4e-3 (torch 1.13's NAdam has no
 * maximize).
 */
public record NAdam(double lr, double beta1, double beta2, double eps, double weightDecay,
    double momentumDecay)
    implements Hyper<NAdam> {

  /** Validates lr, weightDecay, eps and momentumDecay finite and &gt;= 0, and both betas in [0, 1). */
  public NAdam {
    Ranges.nonNegative("NAdam", "lr", lr, () -> defaults().lr());
    Ranges.nonNegative("NAdam", "weightDecay", weightDecay, () -> defaults().weightDecay());
    ScaleByNadam.validate("NAdam", beta1, beta2, eps, momentumDecay);
  }

  /** torch's defaults. */
  public static NAdam defaults() {
    ScaleByNadam rule = ScaleByNadam.defaults();
    return new NAdam(2e-3, rule.beta1(), rule.beta2(), rule.eps(), 0, rule.momentumDecay());
  }

  @Override
  public NAdam lr(double v) {
    return new NAdam(v, beta1, beta2, eps, weightDecay, momentumDecay);
  }

  /** A copy with these moment decays β₁, β₂ (torch's {@code betas}), each in [0, 1); default (0.9, 0.999). */
  public NAdam betas(double b1, double b2) {
    return new NAdam(lr, b1, b2, eps, weightDecay, momentumDecay);
  }

  /** A copy with this eps, added after the bias-corrected root; &gt;= 0, default 1e-8. */
  public NAdam eps(double v) {
    return new NAdam(lr, beta1, beta2, v, weightDecay, momentumDecay);
  }

  @Override
  public NAdam weightDecay(double v) {
    return new NAdam(lr, beta1, beta2, eps, v, momentumDecay);
  }

  /** A copy with this momentum schedule ψ, in {@code μₜ = β₁(1 − ½·0.96^(tψ))}; &gt;= 0, default 4e-3. */
  public NAdam momentumDecay(double v) {
    return new NAdam(lr, beta1, beta2, eps, weightDecay, v);
  }
}
