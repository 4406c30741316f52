package org.deepgrad.spark;

import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.optim.schedule.Schedules;
import org.deepgrad.run.RunSetup;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.DataConfig;
import org.deepgrad.run.config.Defaults;
import org.deepgrad.run.config.OutputConfig;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.train.TrainerSettings;

/**
 * The {@link TrainingJob} of a run configured by a {@link TrainConfig}: its factories carry the
 * configuration as {@code config.yaml}'s text and build from it on each executor, exactly as a local
 * run builds (the model spec, the optimizer with its groups and weight clip, the schedule spec), so no
 * command-line code runs there. The executors' text has absolute paths and the default data section:
 * the driver sends the rows, so the data's files need not be on the executors.
 */
final class ConfigJob {
  private ConfigJob() {}

  /**
   * The job of {@code run} for replicas that each take {@code localBatch} rows a step, their backend
   * threads {@code threads}.
   */
  static TrainingJob of(RunSetup<?> run, int localBatch, int threads) {
    TrainConfig c = run.config();
    OutputConfig o = c.output();
    String yaml = ConfigPrinter.yaml(c.withAbsolutePaths().withData(DataConfig.of(Defaults.DATASET)));
    int inputs = run.data().inputs();
    int outputs = run.data().outputs();
    ModelFactory model = () -> TrainConfig.fromYaml(yaml).model().spec(inputs, outputs);
    OptimizerFactory optimizer = params -> {
      TrainConfig t = TrainConfig.fromYaml(yaml);
      return t.optimizer().build(params, t.training().weightClip());
    };
    ScheduleFactory schedule = steps -> Schedules.parse(TrainConfig.fromYaml(yaml).schedule().spec(), steps);
    // The local run's settings (limits, L2, clipping, checkpoint cadence, NaN policy), its schedule a factory here.
    TrainerSettings s = RunSetup.settings(c, 1).withSchedule(Schedule.constant(), c.schedule().unit());
    return new TrainingJob(model, c.training().seed(), optimizer, schedule, JobSettings.of(s), localBatch,
        Averaging.gradients(), new TrainingJob.Recording(o.logEvery(), o.diagnose() ? o.diagnoseEvery() : 0,
        run.data().standardizer() != null), threads);
  }
}
