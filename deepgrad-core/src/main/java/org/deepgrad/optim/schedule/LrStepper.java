package org.deepgrad.optim.schedule;

import java.util.function.DoubleConsumer;

/**
 * Drives a {@link Schedule} from the training loop: maps a training position to the schedule's step
 * according to the {@link StepUnit} and hands the rate to a target such as an optimizer's
 * {@code setLr}.
 *
 * <pre>{@code
 * LrStepper stepper = new LrStepper(Schedule.step(30, 0.1), 0.1, StepUnit.EPOCH, optimizer::setLr);
 * for (long epoch = 0, batch = 0; epoch < epochs; epoch++)
 *   for (Batch b : loader) { stepper.apply(epoch, batch++); ... optimizer.step(); }
 * }</pre>
 *
 * <p>Calling {@link #apply} before each update gives the update at global step k the rate
 * {@code schedule.lr(k)} (BATCH) or {@code schedule.lr(epoch)} (EPOCH): the rate torch's scheduler
 * has in force there when {@code scheduler.step()} is called after each batch or each epoch.
 */
public final class LrStepper {
  private final Schedule schedule;
  private final double baseLr;
  private final StepUnit unit;
  private final DoubleConsumer target;

  /**
   * A stepper feeding {@code target} the rate of {@code schedule} from {@code baseLr}, counted in {@code unit}s.
   *
   * @param baseLr the optimizer's initial rate (torch's {@code initial_lr}), finite and &gt;= 0
   * @param target receives the rate, e.g. {@code optimizer::setLr}
   */
  public LrStepper(Schedule schedule, double baseLr, StepUnit unit, DoubleConsumer target) {
    if (schedule == null || unit == null || target == null) {
      throw new IllegalArgumentException("LrStepper needs a schedule, a step unit and a target, got "
          + schedule + ", " + unit + ", " + target);
    }
    if (!(baseLr >= 0 && Double.isFinite(baseLr))) {
      throw new IllegalArgumentException("LrStepper: baseLr must be finite and >= 0, got " + baseLr
          + "; pass the optimizer's initial lr");
    }
    this.schedule = schedule;
    this.baseLr = baseLr;
    this.unit = unit;
    this.target = target;
  }

  /** The schedule step for a position: {@code globalStep} for BATCH, {@code epoch} for EPOCH. */
  public long scheduleStep(long epoch, long globalStep) {
    if (epoch < 0 || globalStep < 0) {
      throw new IllegalArgumentException("LrStepper: epoch and global step count from 0, got epoch "
          + epoch + ", step " + globalStep);
    }
    return unit == StepUnit.BATCH ? globalStep : epoch;
  }

  /**
   * Sets the target's rate for the update about to run at this position and returns it.
   *
   * @param epoch the current epoch, from 0
   * @param globalStep the number of updates already taken in the whole run
   */
  public double apply(long epoch, long globalStep) {
    double lr = schedule.lr(scheduleStep(epoch, globalStep), baseLr);
    target.accept(lr);
    return lr;
  }

  /** The schedule it drives. */
  public Schedule schedule() {
    return schedule;
  }

  /** Whether the schedule counts batches or epochs. */
  public StepUnit unit() {
    return unit;
  }

  /** The rate the schedule starts from (torch's {@code initial_lr}). */
  public double baseLr() {
    return baseLr;
  }
}
