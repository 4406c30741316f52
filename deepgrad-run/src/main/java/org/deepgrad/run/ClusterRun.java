package org.deepgrad.run;

import java.io.IOException;
import java.nio.file.Path;
import org.deepgrad.run.config.OutputConfig;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.MetricsLog;
import org.deepgrad.run.files.RunContents;

/**
 * The training part of a run on a {@link Cluster}, between {@link Training}'s checks and its end files:
 * {@code metrics.jsonl} started (as a local run's first file; replica 0 appends to it), {@code config.yaml},
 * then the cluster trains while the epochs it records are told to the listener ({@link MetricsFollower}).
 */
final class ClusterRun {
  private ClusterRun() {}

  static Trained train(RunSetup<?> r, RunFolder folder, RunListener listener, Cluster cluster, String plan)
      throws IOException {
    TrainConfig c = r.config();
    OutputConfig o = c.output();
    if (o.resume()) refuseLocalCheckpoints(o.dir());
    try (MetricsLog log = MetricsLog.open(o.dir(), o.resume(), o.logEvery())) {
      Training.noteChanges(folder, log, listener);
    }
    Training.writeConfig(c);
    listener.line("writing to " + o.dir());
    listener.line(plan);
    Trained trained;
    listener.onTrainingStart(c.training().epochs(), o.logEvery());
    try (MetricsFollower follower = new MetricsFollower(o.dir(), listener, folder::started).start()) {
      trained = cluster.train(r, o.resume());
    } finally {
      listener.onTrainingEnd();
    }
    if (trained.resumedFrom() >= 0) {
      listener.line("resumed from step " + trained.resumedFrom() + ", the newest checkpoint every replica held");
    } else if (o.resume()) {
      listener.line("no checkpoint that every replica held: the run started from the beginning");
    }
    return trained;
  }

  /** A run trained in one process (its checkpoints in one folder) is resumed in one process. */
  private static void refuseLocalCheckpoints(Path dir) throws IOException {
    if (!RunContents.hasCheckpoint(dir)) return;
    throw new RunException("--resume: the run in " + dir + " was trained in one process (its checkpoints are in "
        + dir.resolve(RunContents.CHECKPOINTS) + "), and a cluster's replicas each resume from their own; resume it "
        + "without --master, or start afresh with --overwrite.");
  }
}
