package org.deepgrad.optim.schedule;

import java.util.List;

/**
 * Schedules in sequence, torch's {@code SequentialLR(schedulers, milestones)}: schedule i is in force
 * from milestone i-1 (0 for the first) up to milestone i, and counts its own steps from 0 when it
 * takes over:
 *
 * <pre>i = number of milestones &lt;= step;  lr = schedules[i].lr(step - milestones[i-1], baseLr)</pre>
 *
 * <p>The usual use is a warm-up followed by a decay:
 * {@code sequence([linear(0.01, 1, 500), cosine(T - 500, 0)], [500])}.
 *
 * @param schedules at least one; one more than the milestones
 * @param milestones the steps at which the next schedule takes over, &gt; 0 and strictly increasing
 */
public record Sequence(List<Schedule> schedules, List<Long> milestones) implements Schedule {

  /** Copies both lists; validates one milestone between each pair of schedules, &gt; 0 and strictly increasing. */
  public Sequence {
    schedules = List.copyOf(schedules);
    milestones = List.copyOf(milestones);
    if (schedules.isEmpty() || milestones.size() != schedules.size() - 1) {
      throw new IllegalArgumentException("sequence: " + schedules.size() + " schedules need "
          + Math.max(0, schedules.size() - 1) + " milestones, got " + milestones
          + "; give one milestone (the step where the next schedule starts) between each pair");
    }
    for (int i = 0; i < milestones.size(); i++) {
      long m = milestones.get(i);
      if (m <= 0 || (i > 0 && m <= milestones.get(i - 1))) {
        throw new IllegalArgumentException("sequence: milestones must be > 0 and strictly increasing, got "
            + milestones + "; e.g. [500] to switch after a 500-step warm-up");
      }
    }
  }

  @Override
  public double lr(long step, double baseLr) {
    int i = ScheduleSteps.countAtMost(milestones, step);
    long start = i == 0 ? 0 : milestones.get(i - 1);
    return schedules.get(i).lr(step - start, baseLr);
  }
}
