package org.deepgrad.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.backend.Backends;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.nn.Dropout;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.run.Batching;
import org.deepgrad.run.RunSetup;
import org.deepgrad.run.Training;
import org.deepgrad.run.files.Diagnosis;
import org.deepgrad.run.files.DiagnosisJson;
import org.deepgrad.run.files.HistoryLog;
import org.deepgrad.run.files.MetricsRecorder;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.tensor.Rng;
import org.deepgrad.train.Checkpoint;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.Objective;
import org.deepgrad.train.ReplicaSync;
import org.deepgrad.train.TrainResult;
import org.deepgrad.train.Trainer;
import org.deepgrad.train.TrainerSettings;

/**
 * One replica of a distributed run, the body of one Spark task (and of the tests' in-process
 * replicas): builds the model, optimizer, loader and {@link Trainer} of its shard from the
 * {@link TrainingJob}, ties it to the other replicas through a {@link Collective}, resumes from the
 * newest checkpoint all replicas share when asked (a retried Spark stage always asks), and trains.
 * Replica 0 records the run as it goes ({@code metrics.jsonl}, and {@code diagnostics.jsonl} with
 * diagnostics on) and returns what the driver writes the end files from ({@link ReplicaResult}): the
 * model's final state, the result and the diagnosis. Every replica writes its own checkpoints to
 * {@code OUT/checkpoints/replica-R} (its loader position and dropout generators are its own).
 */
final class Replica {
  static final String CHECKPOINTS = RunContents.CHECKPOINTS;

  private Replica() {}

  /**
   * Trains replica {@code r} of {@code n} on {@code shard}; returns the result on replica 0, null on the others.
   *
   * @param validation evaluated by replica 0 after every epoch, or null
   * @param resume continue from the newest checkpoint all replicas hold (none: start afresh)
   */
  static ReplicaResult run(TrainingJob job, int r, int n, Dataset shard, Dataset validation, Path out,
      Collective collective, boolean resume) throws IOException {
    if (job.threads() > 0) Backends.current().setThreads(job.threads());
    ModelSpec spec = job.model().spec();
    Sequential model = spec.build(new Rng(job.seed()));
    if (r > 0) reseedDropout(model, job.seed(), r);
    Optimizer optimizer = job.optimizer().create(model.namedParameters());
    // A last batch of one sample is dropped each epoch with batch norm, as in a local run (Batching).
    DataLoader<Dataset> loader = Batching.of(false, job.batchSize(), shard.size(), "replica " + r + "'s shard", spec)
        .loader(shard, job.seed() + 1 + r);
    JobSettings js = job.settings();
    Path checkpoints = RunContents.replicaCheckpoints(out, r);
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
    if (r != 0) {
      TrainResult result = trainer.fit();
      if (sync instanceof ParameterAveraging p) p.finish(result.steps());
      return null;
    }
    TrainingJob.Recording rec = job.recording();
    DiagnosticsListener diagnostics = rec.diagnoseEvery() == 0 ? null
        : new DiagnosticsListener(model, rec.diagnoseEvery(), settings,
            RunSetup.diagnosisSetup(optimizer, spec, settings, rec.standardizedInputs())).recordInputs(shard.features());
    TrainResult result;
    try (MetricsRecorder metrics = MetricsRecorder.open(out, resumedFrom >= 0, rec.logEvery(), loader, n)) {
      metrics.log().note("replicas", Map.of("replicas", n, "batch_per_replica", job.batchSize(),
          "averaging", job.averaging().toString()));
      HistoryLog history = diagnostics == null ? null
          : new HistoryLog(out, resumedFrom >= 0, diagnostics, rec.diagnoseEvery(), metrics::onWarning);
      if (diagnostics != null) trainer.addListener(diagnostics).addListener(history);
      trainer.addListener(metrics);
      try {
        result = trainer.fit();
      } finally {
        if (history != null) history.close();
      }
    }
    if (sync instanceof ParameterAveraging p) p.finish(result.steps());
    Map<String, float[]> state = new LinkedHashMap<>();
    model.stateDict().forEach((name, t) -> state.put(name, t.data().clone()));
    Diagnosis d = diagnostics == null ? null : Diagnosis.of(diagnostics, rec.diagnoseEvery(), result);
    List<String> findings = new ArrayList<>();
    if (diagnostics != null) {
      for (Finding f : diagnostics.findings()) findings.add(f.kind() + " " + f.layers() + ": " + f.explanation());
    }
    return new ReplicaResult(ResultWire.of(result), resumedFrom, state, d == null ? null : DiagnosisJson.text(d),
        d == null ? null : Training.brief(d), findings);
  }

  /** Other dropout masks on each replica: generators drawn from (seed, r), one per dropout layer. */
  private static void reseedDropout(Sequential model, long seed, int r) {
    Rng source = new Rng(seed);
    for (int i = 0; i < r; i++) source = source.fork();
    for (var m : model.namedModules().values()) {
      if (m instanceof Dropout d && d.rng() != null) d.rng().restore(source.fork().state());
    }
  }
}
