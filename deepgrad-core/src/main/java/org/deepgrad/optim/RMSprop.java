package org.deepgrad.optim;

import org.deepgrad.optim.transform.Momentum;
import org.deepgrad.optim.transform.Ranges;
import org.deepgrad.optim.transform.ScaleByRms;

/**
 * Hyper-parameters of {@link Optimizers#rmsprop}, with torch.optim.RMSprop's defaults: lr 1e-2,
 * alpha 0.99, eps 1e-8 (added outside the root), weightDecay 0, momentum 0, centered false,
 * maximize false.
 */
public record RMSprop(double lr, double alpha, double eps, double weightDecay, double momentum,
    boolean centered, boolean maximize)
    implements Hyper<RMSprop> {

  /** Validates lr, weightDecay, momentum, alpha and eps finite and &gt;= 0. */
  public RMSprop {
    Ranges.nonNegative("RMSprop", "lr", lr, () -> defaults().lr());
    Ranges.nonNegative("RMSprop", "weightDecay", weightDecay, () -> defaults().weightDecay());
    Momentum.validate("RMSprop", momentum, 0, false);
    ScaleByRms.validate("RMSprop", alpha, eps);
  }

  /** torch's defaults. */
  public static RMSprop defaults() {
    ScaleByRms rule = ScaleByRms.defaults();
    return new RMSprop(1e-2, rule.alpha(), rule.eps(), 0, Momentum.defaults().momentum(), rule.centered(), false);
  }

  @Override
  public RMSprop lr(double v) {
    return new RMSprop(v, alpha, eps, weightDecay, momentum, centered, maximize);
  }

  /** A copy with this smoothing constant α of the squared-gradient average; &gt;= 0, default 0.99. */
  public RMSprop alpha(double v) {
    return new RMSprop(lr, v, eps, weightDecay, momentum, centered, maximize);
  }

  /** A copy with this eps, added outside the root; &gt;= 0, default 1e-8. */
  public RMSprop eps(double v) {
    return new RMSprop(lr, alpha, v, weightDecay, momentum, centered, maximize);
  }

  @Override
  public RMSprop weightDecay(double v) {
    return new RMSprop(lr, alpha, eps, v, momentum, centered, maximize);
  }

  /** A copy with this momentum μ ({@code b = μ·b + d}); &gt;= 0, default 0 (no buffer). */
  public RMSprop momentum(double v) {
    return new RMSprop(lr, alpha, eps, weightDecay, v, centered, maximize);
  }

  /** A copy that, when {@code v}, divides by the root of the variance estimate {@code v − ḡ²}; default false. */
  public RMSprop centered(boolean v) {
    return new RMSprop(lr, alpha, eps, weightDecay, momentum, v, maximize);
  }

  /** A copy that ascends the objective (negates g) when {@code v}; torch's {@code maximize}, default false. */
  public RMSprop maximize(boolean v) {
    return new RMSprop(lr, alpha, eps, weightDecay, momentum, centered, v);
  }
}
