package org.deepgrad.optim.schedule;

import java.util.List;

/**
 * Decay at given steps: {@code lr = baseLr·gamma^m}, m the number of milestones {@code <= step};
 * torch's {@code MultiStepLR(milestones, gamma)} (torch's default gamma is 0.1).
 *
 * <p>Milestones must be &gt;= 0 and non-decreasing. A repeated milestone counts twice, as in torch
 * (which keeps them in a Counter).
 *
 * @param milestones the steps at which the rate is multiplied by gamma
 * @param gamma the factor per milestone, finite and &gt; 0
 */
public record MultiStep(List<Long> milestones, double gamma) implements Schedule {

  /** Copies the milestones and validates them (&gt;= 0, non-decreasing) and gamma (finite, &gt; 0). */
  public MultiStep {
    milestones = List.copyOf(milestones);
    for (int i = 0; i < milestones.size(); i++) {
      long m = milestones.get(i);
      if (m < 0 || (i > 0 && m < milestones.get(i - 1))) {
        throw new IllegalArgumentException("multistep: milestones must be >= 0 and increasing, got "
            + milestones + " (milestone " + i + " is " + m + "); list the steps in order, e.g. [30, 60, 90]");
      }
    }
    if (!(gamma > 0 && Double.isFinite(gamma))) {
      throw new IllegalArgumentException("multistep: gamma must be finite and > 0, got " + gamma
          + "; use e.g. 0.1 (torch's default)");
    }
  }

  @Override
  public double lr(long step, double baseLr) {
    return baseLr * Math.pow(gamma, ScheduleSteps.countAtMost(milestones, step));
  }
}
