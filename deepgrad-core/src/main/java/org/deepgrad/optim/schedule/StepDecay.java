package org.deepgrad.optim.schedule;

/**
 * Step decay: {@code lr = baseLr·gamma^floor(step/stepSize)}, torch's {@code StepLR(step_size, gamma)}
 * (torch's default gamma is 0.1).
 *
 * @param stepSize steps between decays, &gt; 0
 * @param gamma the factor applied every stepSize steps, finite and &gt; 0
 */
public record StepDecay(long stepSize, double gamma) implements Schedule {

  /** Validates stepSize &gt; 0 and gamma finite and &gt; 0. */
  public StepDecay {
    if (stepSize <= 0) {
      throw new IllegalArgumentException("step: step_size must be > 0, got " + stepSize
          + "; it is the number of steps between two decays");
    }
    if (!(gamma > 0 && Double.isFinite(gamma))) {
      throw new IllegalArgumentException("step: gamma must be finite and > 0, got " + gamma
          + "; use e.g. 0.1 (torch's default) or 0.5");
    }
  }

  @Override
  public double lr(long step, double baseLr) {
    ScheduleSteps.check(step);
    return baseLr * Math.pow(gamma, step / stepSize);
  }
}
