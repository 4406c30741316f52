package org.deepgrad.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.optim.schedule.StepUnit;
import org.deepgrad.train.NonFinitePolicy;
import org.deepgrad.train.TrainerSettings;

/**
 * The {@link TrainerSettings} of a distributed run in a form Spark can send to executors (a
 * TrainerSettings holds a schedule and a path, which are not serializable): every setting but the
 * schedule (a {@link ScheduleFactory} of the job), the checkpoint folder (each replica's own,
 * {@code OUT/checkpoints/replica-R}) and early stopping (not available: each replica would judge on
 * its own).
 */
public record JobSettings(int epochs, long maxSteps, double l2, double clipNorm, double clipValue, StepUnit scheduleUnit,
    long checkpointEverySteps, int checkpointEveryEpochs, int keepCheckpoints, NonFinitePolicy nonFinite,
    int maxBackoffs) implements Serializable {

  /** The settings {@code s} holds; rejects early stopping and a schedule given there. */
  static JobSettings of(TrainerSettings s) {
    if (s.earlyStopping() != null) {
      throw new IllegalArgumentException("early stopping is not available in a distributed run (each replica would"
          + " decide on its own); turn it off, or stop after a fixed number of epochs");
    }
    if (!s.schedule().equals(Schedule.constant())) {
      throw new IllegalArgumentException("a distributed run takes its learning-rate schedule as a ScheduleFactory of"
          + " the run's length (each replica knows it from its shard), not in TrainerSettings; leave the settings'"
          + " schedule constant and pass e.g. steps -> Schedule.cosine(steps, 0)");
    }
    return new JobSettings(s.epochs(), s.maxSteps(), s.l2(), s.clipNorm(), s.clipValue(), s.scheduleUnit(),
        s.checkpointEverySteps(), s.checkpointEveryEpochs(), s.keepCheckpoints(), s.nonFinite(), s.maxBackoffs());
  }

  /** The settings of one replica, with its schedule and checkpoint folder. */
  TrainerSettings settings(Schedule schedule, Path checkpoints) {
    return TrainerSettings.defaults().withEpochs(epochs).withMaxSteps(maxSteps).withL2(l2)
        .withClipping(clipNorm, clipValue).withSchedule(schedule, scheduleUnit)
        .withCheckpoints(checkpoints, checkpointEverySteps, checkpointEveryEpochs, keepCheckpoints)
        .withNonFinite(nonFinite, maxBackoffs);
  }

  /**
   * The schedule steps of a run whose replicas take {@code batchesPerEpoch} batches an epoch, as a local
   * run counts them: the epochs, or the updates capped by {@code maxSteps}.
   */
  long scheduleSteps(int batchesPerEpoch) {
    if (scheduleUnit == StepUnit.EPOCH) return epochs;
    long steps = (long) epochs * batchesPerEpoch;
    return maxSteps > 0 ? Math.min(steps, maxSteps) : steps;
  }
}
