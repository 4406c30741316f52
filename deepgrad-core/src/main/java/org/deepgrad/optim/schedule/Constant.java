package org.deepgrad.optim.schedule;

/** No schedule: {@code lr = baseLr} at every step (what torch does without a scheduler). */
public record Constant() implements Schedule {

  @Override
  public double lr(long step, double baseLr) {
    ScheduleSteps.check(step);
    return baseLr;
  }
}
