package org.deepgrad.spark;

import java.io.Serializable;
import org.deepgrad.optim.schedule.Schedule;

/**
 * The learning-rate schedule of a distributed run, given the run's length in schedule steps (updates,
 * or epochs with {@code StepUnit.EPOCH}), which each replica knows from its shard:
 * {@code steps -> Schedule.cosine(steps, 0)}, or a command-line spec
 * {@code steps -> Schedules.parse("warmup:100,cosine", steps)}.
 */
@FunctionalInterface
public interface ScheduleFactory extends Serializable {
  Schedule create(long totalSteps);

  /** No schedule: the optimizer's rate throughout. */
  static ScheduleFactory constant() {
    return steps -> Schedule.constant();
  }
}
