package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;

/**
 * Hyper-parameters of {@link Optimizers#rmsprop}, with torch.optim.RMSprop's defaults: lr 1e-2,
 * alpha 0.99, eps 1e-8 (added outside the root), weightDecay 0, momentum 0, centered false,
 * maximize false.
 */
public record RMSprop(double lr, double alpha, double eps, double weightDecay, double momentum,
    boolean centered, boolean maximize)
    implements Hyper<RMSprop> {

  public RMSprop {
    Ranges.nonNegative("RMSprop", "lr", lr, 1e-2);
    Ranges.nonNegative("RMSprop", "weightDecay", weightDecay, 0);
    Ranges.nonNegative("RMSprop", "momentum", momentum, 0.9);
    Ranges.nonNegative("RMSprop", "alpha", alpha, 0.99);
    Ranges.nonNegative("RMSprop", "eps", eps, 1e-8);
  }

  /** torch's defaults. */
  public static RMSprop defaults() {
    return new RMSprop(1e-2, 0.99, 1e-8, 0, 0, false, false);
  }

  @Override
  public RMSprop lr(double v) {
    return new RMSprop(v, alpha, eps, weightDecay, momentum, centered, maximize);
  }

  public RMSprop alpha(double v) {
    return new RMSprop(lr, v, eps, weightDecay, momentum, centered, maximize);
  }

  public RMSprop eps(double v) {
    return new RMSprop(lr, alpha, v, weightDecay, momentum, centered, maximize);
  }

  @Override
  public RMSprop weightDecay(double v) {
    return new RMSprop(lr, alpha, eps, v, momentum, centered, maximize);
  }

  public RMSprop momentum(double v) {
    return new RMSprop(lr, alpha, eps, weightDecay, v, centered, maximize);
  }

  public RMSprop centered(boolean v) {
    return new RMSprop(lr, alpha, eps, weightDecay, momentum, v, maximize);
  }

  public RMSprop maximize(boolean v) {
    return new RMSprop(lr, alpha, eps, weightDecay, momentum, centered, v);
  }
}
