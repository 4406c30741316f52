package org.deepgrad.optim.schedule;

/**
 * Exponential decay: {@code lr = baseLr·gamma^step}, torch's {@code ExponentialLR(gamma)}.
 *
 * <p>This is the tutorials' "dynamic gradient descent" or "learning-rate decay", which multiplies
 * the rate by a decay factor after every step ({@code lr <- lr·decay}): unrolled, that recursion is
 * exactly this closed form with {@code gamma = decay}. A gamma above 1 grows the rate (as in a
 * learning-rate range test).
 *
 * @param gamma the factor per step, finite and &gt; 0 (torch does not check; 0 or less makes no sense)
 */
public record Exponential(double gamma) implements Schedule {

  /** Validates gamma finite and &gt; 0. */
  public Exponential {
    if (!(gamma > 0 && Double.isFinite(gamma))) {
      throw new IllegalArgumentException("exponential: gamma must be finite and > 0, got " + gamma
          + "; use a value just below 1 (e.g. 0.95) to shrink the lr by 5% per step");
    }
  }

  @Override
  public double lr(long step, double baseLr) {
    ScheduleSteps.check(step);
    return baseLr * Math.pow(gamma, step);
  }
}
