package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.optim.schedule.StepUnit;
import org.deepgrad.train.EarlyStopping;
import org.deepgrad.train.TrainerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's mistakes are found on the driver, with the fix; replica 0's metrics log stays JSON lines. */
class TrainingJobTest {
  @TempDir Path tmp;

  @Test
  void settingsAScheduleOrEarlyStoppingCannotCarryAreRefused() {
    var early = assertThrows(IllegalArgumentException.class, () -> TrainingJob.of(() -> Runs.spec(false), 1,
        p -> OptimizerRegistry.create("sgd", Map.of("lr", 0.1), p), ScheduleFactory.constant(),
        TrainerSettings.defaults().withEarlyStopping(EarlyStopping.of(2)), 8));
    assertTrue(early.getMessage().contains("early stopping is not available"), early.getMessage());
    var schedule = assertThrows(IllegalArgumentException.class, () -> TrainingJob.of(() -> Runs.spec(false), 1,
        p -> OptimizerRegistry.create("sgd", Map.of("lr", 0.1), p), ScheduleFactory.constant(),
        TrainerSettings.defaults().withSchedule(Schedule.cosine(10, 0), StepUnit.BATCH), 8));
    assertTrue(schedule.getMessage().contains("ScheduleFactory"), schedule.getMessage());
    var cadence = assertThrows(IllegalArgumentException.class, () -> Runs.job(false, 1).withCheckpoints(-1, 1, 3));
    assertTrue(cadence.getMessage().contains("checkpointEverySteps = -1"), cadence.getMessage());
  }

  @Test
  void aBadOptimizerFailsOnTheDriverBeforeAnyTask() {
    TrainingJob job = TrainingJob.of(() -> Runs.spec(false), 1, p -> OptimizerRegistry.create("adamm", Map.of(), p),
        ScheduleFactory.constant(), TrainerSettings.defaults(), 8);
    var e = assertThrows(IllegalArgumentException.class,
        () -> new SparkTraining(SparkTests.session(), 2).fit(job, Runs.data(32), null, tmp, false));
    assertTrue(e.getMessage().contains("unknown optimizer 'adamm'"), e.getMessage());
  }

  @Test
  void moreReplicasThanLocalThreadsAreRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new SparkTraining(SparkTests.session(), 3).fit(Runs.job(false, 1), Runs.data(32), null, tmp, false));
    assertTrue(e.getMessage().contains("3 replicas, but local[2] runs 2 tasks at once"), e.getMessage());
  }
}
