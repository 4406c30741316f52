package org.deepgrad.train;

import java.nio.file.Path;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.optim.schedule.StepUnit;

/**
 * Everything a {@link Trainer} is told, validated here; {@link #defaults()} holds every default and
 * the {@code with...} methods return changed copies (validated again).
 *
 * @param epochs passes over the training data, &gt;= 1 (default 10)
 * @param maxSteps stop after this many optimizer updates, even mid-epoch; 0 = no limit (default)
 * @param l2 λ of the explicit penalty {@code λ/2 · Σ‖W‖²} added to the loss over the parameters of
 *     role WEIGHT only (not biases or normalization scales), gradient {@code λW}; finite, &gt;= 0
 *     (default 0, off). Unlike an optimizer's weightDecay it goes through the adaptive rescaling.
 * @param clipNorm clip the global gradient norm to this ({@code Clip.byGlobalNorm}); 0 = off (default)
 * @param clipValue then clamp each gradient value to ±this ({@code Clip.byValue}); 0 = off (default)
 * @param schedule the learning rate of update k as {@code schedule.lr(k, lr₀)} per parameter group
 *     (default constant)
 * @param scheduleUnit whether k counts updates (BATCH, default) or epochs
 * @param checkpointEverySteps write a checkpoint every this many updates; 0 = off (default)
 * @param checkpointEveryEpochs write a checkpoint every this many epochs; 0 = off (default)
 * @param checkpointDir where checkpoints go; null = none (default). With a directory a last
 *     checkpoint is also written when the run stops for any reason but a non-finite value.
 * @param keepCheckpoints how many checkpoints to keep, the newest, &gt;= 1 (default 3)
 * @param earlyStopping null = off (default); needs a validation set
 * @param nonFinite what a NaN or infinite loss or gradient does (default STOP)
 * @param maxBackoffs how many times BACKOFF may halve the learning rate, &gt;= 0 (default 5)
 */
public record TrainerSettings(int epochs, long maxSteps, double l2, double clipNorm, double clipValue,
    Schedule schedule, StepUnit scheduleUnit, long checkpointEverySteps, int checkpointEveryEpochs,
    Path checkpointDir, int keepCheckpoints, EarlyStopping earlyStopping, NonFinitePolicy nonFinite,
    int maxBackoffs) {

  /** Validates every range above. */
  public TrainerSettings {
    require(epochs >= 1, "epochs", epochs, ">= 1", "10");
    require(maxSteps >= 0, "maxSteps", maxSteps, ">= 0 (0 = no limit)", "0");
    require(l2 >= 0 && Double.isFinite(l2), "l2", l2, "finite and >= 0 (0 = off)", "1e-4");
    require(clipNorm >= 0 && Double.isFinite(clipNorm), "clipNorm", clipNorm, "finite and > 0, or 0 = off", "1.0");
    require(clipValue >= 0 && Double.isFinite(clipValue), "clipValue", clipValue, "finite and > 0, or 0 = off", "0.5");
    require(schedule != null && scheduleUnit != null, "schedule", schedule + "/" + scheduleUnit,
        "a schedule and a step unit", "Schedule.constant() and StepUnit.BATCH");
    require(checkpointEverySteps >= 0, "checkpointEverySteps", checkpointEverySteps, ">= 0 (0 = off)", "1000");
    require(checkpointEveryEpochs >= 0, "checkpointEveryEpochs", checkpointEveryEpochs, ">= 0 (0 = off)", "1");
    require(checkpointDir != null || checkpointEverySteps + checkpointEveryEpochs == 0, "checkpointDir", null,
        "a directory when checkpoints are due", "a directory to write them to");
    require(keepCheckpoints >= 1, "keepCheckpoints", keepCheckpoints, ">= 1", "3");
    require(nonFinite != null, "nonFinite", null, "a policy", "NonFinitePolicy.STOP");
    require(maxBackoffs >= 0, "maxBackoffs", maxBackoffs, ">= 0", "5");
  }

  private static void require(boolean ok, String name, Object value, String range, String example) {
    if (!ok) {
      throw new IllegalArgumentException("trainer setting " + name + " = " + value + " is invalid; it must be "
          + range + ". Fix: use " + example);
    }
  }

  /** The defaults listed in the class comment. */
  public static TrainerSettings defaults() {
    return new TrainerSettings(10, 0, 0, 0, 0, Schedule.constant(), StepUnit.BATCH, 0, 0, null, 3, null,
        NonFinitePolicy.STOP, 5);
  }

  /** A copy with these epochs. */
  public TrainerSettings withEpochs(int v) {
    return new TrainerSettings(v, maxSteps, l2, clipNorm, clipValue, schedule, scheduleUnit, checkpointEverySteps,
        checkpointEveryEpochs, checkpointDir, keepCheckpoints, earlyStopping, nonFinite, maxBackoffs);
  }

  /** A copy with this step limit (0 = none). */
  public TrainerSettings withMaxSteps(long v) {
    return new TrainerSettings(epochs, v, l2, clipNorm, clipValue, schedule, scheduleUnit, checkpointEverySteps,
        checkpointEveryEpochs, checkpointDir, keepCheckpoints, earlyStopping, nonFinite, maxBackoffs);
  }

  /** A copy with this L2 penalty λ on WEIGHT parameters. */
  public TrainerSettings withL2(double v) {
    return new TrainerSettings(epochs, maxSteps, v, clipNorm, clipValue, schedule, scheduleUnit, checkpointEverySteps,
        checkpointEveryEpochs, checkpointDir, keepCheckpoints, earlyStopping, nonFinite, maxBackoffs);
  }

  /** A copy clipping by global norm and by value (0 = off for either). */
  public TrainerSettings withClipping(double norm, double value) {
    return new TrainerSettings(epochs, maxSteps, l2, norm, value, schedule, scheduleUnit, checkpointEverySteps,
        checkpointEveryEpochs, checkpointDir, keepCheckpoints, earlyStopping, nonFinite, maxBackoffs);
  }

  /** A copy with this learning-rate schedule, counted in {@code unit}s. */
  public TrainerSettings withSchedule(Schedule s, StepUnit unit) {
    return new TrainerSettings(epochs, maxSteps, l2, clipNorm, clipValue, s, unit, checkpointEverySteps,
        checkpointEveryEpochs, checkpointDir, keepCheckpoints, earlyStopping, nonFinite, maxBackoffs);
  }

  /** A copy writing checkpoints to {@code dir} every so many steps and epochs (0 = not), keeping {@code keep}. */
  public TrainerSettings withCheckpoints(Path dir, long everySteps, int everyEpochs, int keep) {
    return new TrainerSettings(epochs, maxSteps, l2, clipNorm, clipValue, schedule, scheduleUnit, everySteps,
        everyEpochs, dir, keep, earlyStopping, nonFinite, maxBackoffs);
  }

  /** A copy with this early stopping (null = off). */
  public TrainerSettings withEarlyStopping(EarlyStopping v) {
    return new TrainerSettings(epochs, maxSteps, l2, clipNorm, clipValue, schedule, scheduleUnit, checkpointEverySteps,
        checkpointEveryEpochs, checkpointDir, keepCheckpoints, v, nonFinite, maxBackoffs);
  }

  /** A copy with this non-finite policy and back-off limit. */
  public TrainerSettings withNonFinite(NonFinitePolicy policy, int backoffs) {
    return new TrainerSettings(epochs, maxSteps, l2, clipNorm, clipValue, schedule, scheduleUnit, checkpointEverySteps,
        checkpointEveryEpochs, checkpointDir, keepCheckpoints, earlyStopping, policy, backoffs);
  }
}
