package org.deepgrad.optim.schedule;

/**
 * A linear ramp of the rate's factor, torch's {@code LinearLR(start_factor, end_factor, total_iters)}:
 *
 * <pre>lr = baseLr·(startFactor + (endFactor - startFactor)·min(step, totalIters)/totalIters)</pre>
 *
 * <p>With startFactor &lt; endFactor = 1 this is a linear warm-up (Goyal et al., 2017) over
 * totalIters steps; afterwards the factor stays at endFactor. torch's defaults are 1/3, 1 and 5.
 *
 * @param startFactor the factor at step 0, in (0, 1] as torch requires
 * @param endFactor the factor from step totalIters on, in [0, 1] as torch requires
 * @param totalIters steps of the ramp, &gt; 0
 */
public record LinearFactor(double startFactor, double endFactor, long totalIters) implements Schedule {

  /** Validates startFactor in (0, 1], endFactor in [0, 1] and totalIters &gt; 0. */
  public LinearFactor {
    if (!(startFactor > 0 && startFactor <= 1)) {
      throw new IllegalArgumentException("linear: start_factor must be in (0, 1], got " + startFactor
          + "; for a warm-up use a small positive factor such as 0.01");
    }
    if (!(endFactor >= 0 && endFactor <= 1)) {
      throw new IllegalArgumentException("linear: end_factor must be in [0, 1], got " + endFactor
          + "; use 1 to end a warm-up at the base lr");
    }
    if (totalIters <= 0) {
      throw new IllegalArgumentException("linear: total_iters must be > 0, got " + totalIters
          + "; it is the number of steps the ramp lasts");
    }
  }

  @Override
  public double lr(long step, double baseLr) {
    ScheduleSteps.check(step);
    double progress = (double) Math.min(step, totalIters) / totalIters;
    return baseLr * (startFactor + (endFactor - startFactor) * progress);
  }
}
