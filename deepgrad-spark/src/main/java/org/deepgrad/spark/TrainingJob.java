package org.deepgrad.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.train.TrainerSettings;

/**
 * Everything a replica needs to train, sent to every executor: the model, the seed, the optimizer, the
 * schedule, the trainer settings, the local batch size, how the replicas are kept together, what
 * replica 0 records, and the backend threads of each replica.
 *
 * <p>Replica r of N builds the model from the spec with {@code new Rng(seed)} (the same weights on
 * all), reseeds its dropout generators from (seed, r) when r &gt; 0 (other masks on each replica), and
 * shuffles its shard with seed + 1 + r; so replica 0 of a one-replica run is the command line's run
 * ({@code seed + 1} shuffles its data).
 *
 * @param batchSize the local batch b of each replica; the global batch is N·b
 * @param threads the backend threads each replica's executor uses (the backend's setting is one per JVM,
 *     so every task of a job sets the same); 0 leaves the executor's as it is
 */
public record TrainingJob(ModelFactory model, long seed, OptimizerFactory optimizer, ScheduleFactory schedule,
    JobSettings settings, int batchSize, Averaging averaging, Recording recording, int threads) implements Serializable {

  /**
   * What replica 0 records in the run's folder besides the checkpoints: {@code metrics.jsonl} (a step
   * record every {@code logEvery} steps) and, with {@code diagnoseEvery} &gt; 0, the gradient-flow
   * diagnostics sampled every so many steps ({@code diagnostics.jsonl}, and {@code diagnostics.json} at
   * the end).
   *
   * @param standardizedInputs whether the inputs were standardized (no finding then suggests it)
   */
  public record Recording(int logEvery, int diagnoseEvery, boolean standardizedInputs) implements Serializable {
    public Recording {
      if (logEvery < 1) throw new IllegalArgumentException("logEvery " + logEvery + "; give a step interval >= 1");
      if (diagnoseEvery < 0) {
        throw new IllegalArgumentException("diagnoseEvery " + diagnoseEvery + "; give 0 (off) or a step interval >= 1");
      }
    }
  }

  public TrainingJob {
    if (model == null || optimizer == null || schedule == null || settings == null || averaging == null
        || recording == null) {
      throw new IllegalArgumentException("a training job needs a model, an optimizer, a schedule, settings, an"
          + " averaging and a recording; none may be null");
    }
    if (batchSize < 1) throw new IllegalArgumentException("batch size " + batchSize + " per replica; give at least 1");
    if (threads < 0) throw new IllegalArgumentException("threads " + threads + "; give 0 (as they are) or >= 1");
    settings.settings(Schedule.constant(), Path.of(Replica.CHECKPOINTS)); // TrainerSettings' checks, on the driver
  }

  /**
   * A job with gradient averaging, a step record every 50 steps and diagnostics every 50 steps.
   *
   * @param settings every trainer setting but the schedule (a {@code ScheduleFactory} here), the
   *     checkpoint folder (the run's own: its cadence comes from {@link #withCheckpoints}, or from settings
   *     given with any folder) and early stopping (not available)
   */
  public static TrainingJob of(ModelFactory model, long seed, OptimizerFactory optimizer, ScheduleFactory schedule,
      TrainerSettings settings, int batchSize) {
    return new TrainingJob(model, seed, optimizer, schedule, JobSettings.of(settings), batchSize, Averaging.gradients(),
        new Recording(50, 50, false), 0);
  }

  /**
   * This job writing each replica's checkpoints every so many updates and epochs (0 = not), keeping the
   * newest {@code keep}, in the run's folder (a last one is always written when the run stops).
   */
  public TrainingJob withCheckpoints(long everySteps, int everyEpochs, int keep) {
    JobSettings s = settings;
    return new TrainingJob(model, seed, optimizer, schedule, new JobSettings(s.epochs(), s.maxSteps(), s.l2(),
        s.clipNorm(), s.clipValue(), s.scheduleUnit(), everySteps, everyEpochs, keep, s.nonFinite(), s.maxBackoffs()),
        batchSize, averaging, recording, threads);
  }

  /** This job with another averaging. */
  public TrainingJob withAveraging(Averaging a) {
    return new TrainingJob(model, seed, optimizer, schedule, settings, batchSize, a, recording, threads);
  }

  /** This job sampling diagnostics every {@code every} steps on replica 0 (0 = off). */
  public TrainingJob withDiagnostics(int every) {
    return withRecording(new Recording(recording.logEvery(), every, recording.standardizedInputs()));
  }

  /** This job with what replica 0 records given by {@code r}. */
  public TrainingJob withRecording(Recording r) {
    return new TrainingJob(model, seed, optimizer, schedule, settings, batchSize, averaging, r, threads);
  }

  /** This job setting the backend threads of every executor to {@code n} (0: leave them). */
  public TrainingJob withThreads(int n) {
    return new TrainingJob(model, seed, optimizer, schedule, settings, batchSize, averaging, recording, n);
  }
}
