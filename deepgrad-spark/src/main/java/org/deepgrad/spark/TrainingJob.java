package org.deepgrad.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.train.TrainerSettings;

/**
 * Everything a replica needs to train, sent to every executor: the model, the seed, the optimizer, the
 * schedule, the trainer settings, the local batch size and how the replicas are kept together.
 *
 * <p>Replica r of N builds the model from the spec with {@code new Rng(seed)} (the same weights on
 * all), reseeds its dropout generators from (seed, r) when r &gt; 0 (other masks on each replica), and
 * shuffles its shard with seed + 1 + r; so replica 0 of a one-replica run is the command line's run
 * ({@code seed + 1} shuffles its data).
 *
 * @param batchSize the local batch b of each replica; the global batch is N·b
 * @param diagnoseEvery replica 0 samples gradient-flow diagnostics every this many steps; 0 = off
 */
public record TrainingJob(ModelFactory model, long seed, OptimizerFactory optimizer, ScheduleFactory schedule,
    JobSettings settings, int batchSize, Averaging averaging, int diagnoseEvery) implements Serializable {

  public TrainingJob {
    if (model == null || optimizer == null || schedule == null || settings == null || averaging == null) {
      throw new IllegalArgumentException("a training job needs a model, an optimizer, a schedule, settings and an"
          + " averaging; none may be null");
    }
    if (batchSize < 1) throw new IllegalArgumentException("batch size " + batchSize + " per replica; give at least 1");
    if (diagnoseEvery < 0) {
      throw new IllegalArgumentException("diagnoseEvery " + diagnoseEvery + "; give 0 (off) or a step interval >= 1");
    }
    settings.settings(Schedule.constant(), Path.of(Replica.CHECKPOINTS)); // TrainerSettings' checks, on the driver
  }

  /**
   * A job with gradient averaging and diagnostics every 50 steps.
   *
   * @param settings every trainer setting but the schedule (a {@code ScheduleFactory} here), the
   *     checkpoint folder (the run's own: its cadence comes from {@link #withCheckpoints}, or from settings
   *     given with any folder) and early stopping (not available)
   */
  public static TrainingJob of(ModelFactory model, long seed, OptimizerFactory optimizer, ScheduleFactory schedule,
      TrainerSettings settings, int batchSize) {
    return new TrainingJob(model, seed, optimizer, schedule, JobSettings.of(settings), batchSize, Averaging.gradients(),
        50);
  }

  /**
   * This job writing each replica's checkpoints every so many updates and epochs (0 = not), keeping the
   * newest {@code keep}, in the run's folder (a last one is always written when the run stops).
   */
  public TrainingJob withCheckpoints(long everySteps, int everyEpochs, int keep) {
    JobSettings s = settings;
    return new TrainingJob(model, seed, optimizer, schedule, new JobSettings(s.epochs(), s.maxSteps(), s.l2(),
        s.clipNorm(), s.clipValue(), s.scheduleUnit(), everySteps, everyEpochs, keep, s.nonFinite(), s.maxBackoffs()),
        batchSize, averaging, diagnoseEvery);
  }

  /** This job with another averaging. */
  public TrainingJob withAveraging(Averaging a) {
    return new TrainingJob(model, seed, optimizer, schedule, settings, batchSize, a, diagnoseEvery);
  }

  /** This job sampling diagnostics every {@code every} steps on replica 0 (0 = off). */
  public TrainingJob withDiagnostics(int every) {
    return new TrainingJob(model, seed, optimizer, schedule, settings, batchSize, averaging, every);
  }
}
