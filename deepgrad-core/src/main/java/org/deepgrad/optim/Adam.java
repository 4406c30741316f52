package org.deepgrad.optim;

import org.deepgrad.optim.transform.Ranges;

/**
 * Hyper-parameters of {@link Optimizers#adam}, with torch.optim.Adam's defaults: lr 1e-3,
 * betas (0.9, 0.999), eps 1e-8, weightDecay 0 (L2: added to the gradient), amsgrad false,
 * maximize false.
 */
public record Adam(double lr, double beta1, double beta2, double eps, double weightDecay,
    boolean amsgrad, boolean maximize)
    implements Hyper<Adam> {

  public Adam {
    Ranges.nonNegative("Adam", "lr", lr, 1e-3);
    Ranges.nonNegative("Adam", "weightDecay", weightDecay, 0);
    Ranges.betas("Adam", beta1, beta2);
    Ranges.nonNegative("Adam", "eps", eps, 1e-8);
  }

  /** torch's defaults. */
  public static Adam defaults() {
    return new Adam(1e-3, 0.9, 0.999, 1e-8, 0, false, false);
  }

  @Override
  public Adam lr(double v) {
    return new Adam(v, beta1, beta2, eps, weightDecay, amsgrad, maximize);
  }

  public Adam betas(double b1, double b2) {
    return new Adam(lr, b1, b2, eps, weightDecay, amsgrad, maximize);
  }

  public Adam eps(double v) {
    return new Adam(lr, beta1, beta2, v, weightDecay, amsgrad, maximize);
  }

  @Override
  public Adam weightDecay(double v) {
    return new Adam(lr, beta1, beta2, eps, v, amsgrad, maximize);
  }

  public Adam amsgrad(boolean v) {
    return new Adam(lr, beta1, beta2, eps, weightDecay, v, maximize);
  }

  public Adam maximize(boolean v) {
    return new Adam(lr, beta1, beta2, eps, weightDecay, amsgrad, v);
  }
}
