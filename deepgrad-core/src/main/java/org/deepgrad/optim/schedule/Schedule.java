package org.deepgrad.optim.schedule;

import java.util.List;

/**
 * A learning-rate schedule: the rate as a pure function of the step and the base rate,
 * {@code lr(step, baseLr)}. Step k counts from 0 and {@code lr(k)} is the rate in force for the
 * k-th update, exactly as {@code torch.optim.lr_scheduler} after k calls of {@code scheduler.step()}
 * (the scheduler advances once after every optimizer step). Being pure, a schedule has no state to
 * save: a resumed run only needs its step count.
 *
 * <p>Every schedule here is the closed form of its torch counterpart; torch computes most of them
 * recursively from the previous rate, which equals the closed form up to float64 rounding. Whether a
 * step is a batch or an epoch is the caller's choice: see {@link LrStepper} and {@link StepUnit}.
 *
 * <pre>{@code
 * Schedule s = Schedule.sequence(List.of(Schedule.linear(0.01, 1, 500), Schedule.cosine(9_500, 0)), 500);
 * double lr = s.lr(step, 0.1);
 * }</pre>
 */
@FunctionalInterface
public interface Schedule {

  /**
   * The learning rate for update {@code step} (0-based) when the optimizer's rate is {@code baseLr}.
   */
  double lr(long step, double baseLr);

  /** No schedule: {@code lr = baseLr} at every step (torch: no scheduler). */
  static Schedule constant() {
    return new Constant();
  }

  /** {@code lr = baseLr·gamma^step}: torch's ExponentialLR. See {@link Exponential}. */
  static Schedule exponential(double gamma) {
    return new Exponential(gamma);
  }

  /** {@code lr = baseLr·gamma^floor(step/stepSize)}: torch's StepLR (torch's default gamma is 0.1). */
  static Schedule step(long stepSize, double gamma) {
    return new StepDecay(stepSize, gamma);
  }

  /**
   * {@code lr = baseLr·gamma^(number of milestones <= step)}: torch's MultiStepLR (default gamma 0.1).
   */
  static Schedule multistep(long[] milestones, double gamma) {
    return new MultiStep(ScheduleSteps.boxed(milestones), gamma);
  }

  /**
   * {@code lr = etaMin + (baseLr - etaMin)·(1 + cos(π·step/tMax))/2}: torch's CosineAnnealingLR
   * (default etaMin 0). Past tMax it rises again, periodically, as torch's does.
   */
  static Schedule cosine(long tMax, double etaMin) {
    return new CosineAnnealing(tMax, etaMin);
  }

  /**
   * {@code lr = baseLr·(startFactor + (endFactor - startFactor)·min(step, totalIters)/totalIters)}:
   * torch's LinearLR (defaults 1/3, 1, 5); a warm-up when startFactor &lt; endFactor = 1.
   */
  static Schedule linear(double startFactor, double endFactor, long totalIters) {
    return new LinearFactor(startFactor, endFactor, totalIters);
  }

  /**
   * One schedule after another, switching at the milestones (one fewer than the schedules); each
   * schedule restarts its own step count at 0 when it takes over: torch's SequentialLR.
   */
  static Schedule sequence(List<Schedule> schedules, long... milestones) {
    return new Sequence(schedules, ScheduleSteps.boxed(milestones));
  }
}
