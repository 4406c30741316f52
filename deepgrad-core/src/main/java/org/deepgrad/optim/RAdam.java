package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.optim.transform.ScaleByRadam;

/**
 * Hyper-parameters of {@link Optimizers#radam}, with torch.optim.RAdam's defaults: lr 1e-3,
 * betas (0.9, 0.999), eps 1e-8, weightDecay 0 (torch 1.13's RAdam has no maximize).
 */
public record RAdam(double lr, double beta1, double beta2, double eps, double weightDecay)
    implements Hyper<RAdam> {

  /** Validates lr, weightDecay and eps finite and &gt;= 0, and both betas in [0, 1). */
  public RAdam {
    Ranges.nonNegative("RAdam", "lr", lr, () -> defaults().lr());
    Ranges.nonNegative("RAdam", "weightDecay", weightDecay, () -> defaults().weightDecay());
    ScaleByRadam.validate("RAdam", beta1, beta2, eps);
  }

  /** torch's defaults. */
  public static RAdam defaults() {
    ScaleByRadam rule = ScaleByRadam.defaults();
    return new RAdam(1e-3, rule.beta1(), rule.beta2(), rule.eps(), 0);
  }

  @Override
  public RAdam lr(double v) {
    return new RAdam(v, beta1, beta2, eps, weightDecay);
  }

  /** A copy with these moment decays β₁, β₂ (torch's {@code betas}), each in [0, 1); default (0.9, 0.999). */
  public RAdam betas(double b1, double b2) {
    return new RAdam(lr, b1, b2, eps, weightDecay);
  }

  /** A copy with this eps, added to the uncorrected root; &gt;= 0, default 1e-8. */
  public RAdam eps(double v) {
    return new RAdam(lr, beta1, beta2, v, weightDecay);
  }

  @Override
  public RAdam weightDecay(double v) {
    return new RAdam(lr, beta1, beta2, eps, v);
  }
}
