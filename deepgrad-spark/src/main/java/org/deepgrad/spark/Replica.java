package org.deepgrad.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.io.ModelCard;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.io.Task;
import org.deepgrad.nn.Dropout;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.run.files.MetricsRecorder;
import org.deepgrad.tensor.Rng;
import org.deepgrad.train.Checkpoint;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.Objective;
import org.deepgrad.train.ReplicaSync;
import org.deepgrad.train.StopReason;
import org.deepgrad.train.TrainResult;
import org.deepgrad.train.Trainer;
import org.deepgrad.train.TrainerSettings;

/**
 * One replica of a distributed run, the body of one Spark task (and of the tests' in-process
 * replicas): builds the model, optimizer, loader and {@link Trainer} of its shard from the
 * {@link TrainingJob}, ties it to the other replicas through a {@link Collective}, resumes from the
 * newest checkpoint all replicas share when asked (a retried Spark stage always asks), trains, and on
 * replica 0 writes the run's files: {@code metrics.jsonl}, {@code model.safetensors} and
 * {@code model.json}. Every replica writes its own checkpoints to {@code OUT/checkpoints/replica-R}
 * (its loader position and dropout generators are its own).
 */
final class Replica {
  static final String CHECKPOINTS = "checkpoints";
  private static final int LOG_EVERY = 50;

  private Replica() {}

  /** The checkpoint folder of replica {@code r}. */
  static Path checkpoints(Path out, int r) {
    return out.resolve(CHECKPOINTS).resolve("replica-" + r);
  }

  /**
   * Trains replica {@code r} of {@code n} on {@code shard}; returns the result on replica 0, null on the others.
   *
   * @param validation evaluated by replica 0 after every epoch, or null
   * @param resume continue from the newest checkpoint all replicas hold (none: start afresh)
   */
  static DistributedResult run(TrainingJob job, int r, int n, Dataset shard, Dataset validation, Path out,
      Collective collective, boolean resume) throws IOException {
    ModelSpec spec = job.model().spec();
    Sequential model = spec.build(new Rng(job.seed()));
    if (r > 0) reseedDropout(model, job.seed(), r);
    Optimizer optimizer = job.optimizer().create(model.namedParameters());
    DataLoader<Dataset> loader = DataLoader.miniBatch(shard, job.batchSize(), job.seed() + 1 + r);
    JobSettings js = job.settings();
    Path checkpoints = checkpoints(out, r);
    TrainerSettings settings = js.settings(job.schedule().create(js.scheduleSteps(loader.batchesPerEpoch())), checkpoints);
    Trainer<Dataset> trainer = new Trainer<>(model, Objective.classification(), optimizer, loader,
        r == 0 ? validation : null, settings);
    ReplicaSync sync = job.averaging().sync(model, optimizer, collective);
    trainer.syncReplicas(sync);
    if (sync instanceof ParameterAveraging p) trainer.addListener(p);
    long resumedFrom = -1;
    if (resume) {
      resumedFrom = CommonCheckpoint.agree(checkpoints, Checkpoint.fingerprint(model), collective);
      if (resumedFrom >= 0) trainer.resume(checkpoints);
    }
    DiagnosticsListener diagnostics = r == 0 && job.diagnoseEvery() > 0
        ? new DiagnosticsListener(model, job.diagnoseEvery(), settings) : null;
    if (diagnostics != null) trainer.addListener(diagnostics);
    TrainResult result;
    if (r == 0) {
      try (MetricsRecorder metrics = MetricsRecorder.open(out, resumedFrom >= 0, LOG_EVERY, loader, n)) {
        trainer.addListener(metrics);
        result = trainer.fit();
      }
    } else {
      result = trainer.fit();
    }
    if (sync instanceof ParameterAveraging p) p.finish(result.steps());
    if (r != 0) return null;
    boolean save = result.stopReason() != StopReason.NON_FINITE;
    if (save) ModelFiles.save(out, model, new ModelCard(spec, Task.CLASSIFICATION, List.of(), null, info(job, n, result)));
    Metrics train = result.train().orElse(null);
    List<String> findings = new ArrayList<>();
    if (diagnostics != null) {
      for (Finding f : diagnostics.findings()) findings.add(f.kind() + " " + f.layers() + ": " + f.explanation());
    }
    return new DistributedResult(result.stopReason().name(), result.steps(), result.epochs(), resumedFrom,
        train == null ? Double.NaN : train.loss(), train == null ? Double.NaN : train.accuracy().orElse(Double.NaN),
        result.toString(), findings, save);
  }

  /** Other dropout masks on each replica: generators drawn from (seed, r), one per dropout layer. */
  private static void reseedDropout(Sequential model, long seed, int r) {
    Rng source = new Rng(seed);
    for (int i = 0; i < r; i++) source = source.fork();
    for (var m : model.namedModules().values()) {
      if (m instanceof Dropout d && d.rng() != null) d.rng().restore(source.fork().state());
    }
  }

  /** What model.json records about the run. */
  private static Map<String, Object> info(TrainingJob job, int n, TrainResult r) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("seed", job.seed());
    info.put("replicas", n);
    info.put("batch_per_replica", job.batchSize());
    info.put("averaging", job.averaging().toString());
    info.put("steps", r.steps());
    info.put("epochs", r.epochs());
    info.put("stop_reason", r.stopReason().name());
    info.put("created_by", "deepgrad-spark");
    return info;
  }
}
