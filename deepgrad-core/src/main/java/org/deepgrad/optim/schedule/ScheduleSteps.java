package org.deepgrad.optim.schedule;

import java.util.Arrays;
import java.util.List;

/**
 * What the schedules share about their step (a count of updates, or epochs, from 0): its check, and
 * how many milestones it has passed.
 */
final class ScheduleSteps {
  private ScheduleSteps() {}

  static void check(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("schedule step must be >= 0, got " + step
          + "; steps count updates from 0");
    }
  }

  /** How many of the sorted {@code milestones} are {@code <= step} (Python's bisect_right). */
  static int countAtMost(List<Long> milestones, long step) {
    check(step);
    int lo = 0;
    int hi = milestones.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (milestones.get(mid) <= step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  static List<Long> boxed(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
