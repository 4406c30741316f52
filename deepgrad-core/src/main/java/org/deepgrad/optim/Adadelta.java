package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.optim.transform.ScaleByAdadelta;

/**
 * Hyper-parameters of {@link Optimizers#adadelta}, with torch.optim.Adadelta's defaults: lr 1.0
 * (the paper has no learning rate; 1.0 is its rule), rho 0.9, eps 1e-6, weightDecay 0, maximize false.
 */
public record Adadelta(double lr, double rho, double eps, double weightDecay, boolean maximize)
    implements Hyper<Adadelta> {

  /** Validates lr, weightDecay and eps finite and &gt;= 0, rho in [0, 1]. */
  public Adadelta {
    Ranges.nonNegative("Adadelta", "lr", lr, () -> defaults().lr());
    Ranges.nonNegative("Adadelta", "weightDecay", weightDecay, () -> defaults().weightDecay());
    ScaleByAdadelta.validate("Adadelta", rho, eps);
  }

  /** torch's defaults. */
  public static Adadelta defaults() {
    ScaleByAdadelta rule = ScaleByAdadelta.defaults();
    return new Adadelta(1.0, rule.rho(), rule.eps(), 0, false);
  }

  @Override
  public Adadelta lr(double v) {
    return new Adadelta(v, rho, eps, weightDecay, maximize);
  }

  /** A copy with this rho, the decay of both running averages, in [0, 1]; default 0.9. */
  public Adadelta rho(double v) {
    return new Adadelta(lr, v, eps, weightDecay, maximize);
  }

  /** A copy with this eps, added inside both roots, &gt;= 0; default 1e-6. */
  public Adadelta eps(double v) {
    return new Adadelta(lr, rho, v, weightDecay, maximize);
  }

  @Override
  public Adadelta weightDecay(double v) {
    return new Adadelta(lr, rho, eps, v, maximize);
  }

  /** A copy that ascends the objective (negates g) when {@code v}; torch's {@code maximize}, default false. */
  public Adadelta maximize(boolean v) {
    return new Adadelta(lr, rho, eps, weightDecay, v);
  }
}
