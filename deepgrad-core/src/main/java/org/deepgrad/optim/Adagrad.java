package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.optim.transform.ScaleByAdagrad;

/**
 * Hyper-parameters of {@link Optimizers#adagrad}, with torch.optim.Adagrad's defaults: lr 1e-2,
 * lrDecay 0, weightDecay 0, initialAccumulatorValue 0, eps 1e-10, maximize false.
 */
public record Adagrad(double lr, double lrDecay, double weightDecay,
    double initialAccumulatorValue, double eps, boolean maximize)
    implements Hyper<Adagrad> {

  /** Validates lr, weightDecay, lrDecay, initialAccumulatorValue and eps finite and &gt;= 0. */
  public Adagrad {
    Ranges.nonNegative("Adagrad", "lr", lr, () -> defaults().lr());
    Ranges.nonNegative("Adagrad", "weightDecay", weightDecay, () -> defaults().weightDecay());
    ScaleByAdagrad.validate("Adagrad", lrDecay, initialAccumulatorValue, eps);
  }

  /** torch's defaults. */
  public static Adagrad defaults() {
    ScaleByAdagrad rule = ScaleByAdagrad.defaults();
    return new Adagrad(1e-2, rule.lrDecay(), 0, rule.initialAccumulatorValue(), rule.eps(), false);
  }

  @Override
  public Adagrad lr(double v) {
    return new Adagrad(v, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
  }

  /** A copy with this lrDecay: step t uses {@code lr/(1 + (t−1)·lrDecay)}; &gt;= 0, default 0. */
  public Adagrad lrDecay(double v) {
    return new Adagrad(lr, v, weightDecay, initialAccumulatorValue, eps, maximize);
  }

  @Override
  public Adagrad weightDecay(double v) {
    return new Adagrad(lr, lrDecay, v, initialAccumulatorValue, eps, maximize);
  }

  /** A copy with this starting value s₀ of the squared-gradient sum; &gt;= 0, default 0. */
  public Adagrad initialAccumulatorValue(double v) {
    return new Adagrad(lr, lrDecay, weightDecay, v, eps, maximize);
  }

  /** A copy with this eps, added outside the root; &gt;= 0, default 1e-10. */
  public Adagrad eps(double v) {
    return new Adagrad(lr, lrDecay, weightDecay, initialAccumulatorValue, v, maximize);
  }

  /** A copy that ascends the objective (negates g) when {@code v}; torch's {@code maximize}, default false. */
  public Adagrad maximize(boolean v) {
    return new Adagrad(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, v);
  }
}
