package org.deepgrad.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.io.ModelCard;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.io.Task;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Sequential;
import org.deepgrad.run.files.Diagnosis;
import org.deepgrad.run.report.RunReport;
import org.deepgrad.tensor.Rng;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.StopReason;
import org.deepgrad.train.TrainResult;

/**
 * The end files of a run trained from a {@link TrainingJob} (the Java API), written on the driver
 * from replica 0's {@link ReplicaResult}: {@code diagnostics.json} (with diagnostics on),
 * {@code model.safetensors} and {@code model.json} (not after a NaN stopped the run), and
 * {@code report.html} last, whose failure is no failed run (a warning on stderr). A run trained from a
 * {@code TrainConfig} gets deepgrad-run's own end files instead ({@code Training}).
 */
final class RunEnd {
  private RunEnd() {}

  static DistributedResult write(Path out, TrainingJob job, int replicas, ReplicaResult r) throws IOException {
    TrainResult result = r.result().result();
    if (r.diagnosisJson() != null) {
      byte[] json = r.diagnosisJson().getBytes(StandardCharsets.UTF_8);
      AtomicFiles.write(out.resolve(Diagnosis.FILE), s -> s.write(json));
    }
    boolean save = result.stopReason() != StopReason.NON_FINITE;
    if (save) {
      ModelSpec spec = job.model().spec();
      Sequential model = spec.build(new Rng(job.seed()));
      model.stateDict().forEach((name, t) -> System.arraycopy(r.state().get(name), 0, t.data(), 0, t.size()));
      ModelFiles.save(out, model, new ModelCard(spec, Task.CLASSIFICATION, List.of(), null,
          info(job, replicas, result)));
    }
    try {
      RunReport.write(out);
    } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError e) {
      System.err.println("warning: the report of " + out + " could not be written (" + e + "); the run itself is"
          + " complete.");
    }
    Metrics train = result.train().orElse(null);
    return new DistributedResult(result.stopReason().name(), result.steps(), result.epochs(), r.resumedFrom(),
        train == null ? Double.NaN : train.loss(), train == null ? Double.NaN : train.accuracy().orElse(Double.NaN),
        result.toString(), r.findings(), save);
  }

  /** What model.json records about the run. */
  private static Map<String, Object> info(TrainingJob job, int replicas, TrainResult r) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("seed", job.seed());
    info.putAll(replicaInfo(job, replicas));
    info.put("steps", r.steps());
    info.put("epochs", r.epochs());
    info.put("stop_reason", r.stopReason().name());
    info.put("created_by", "deepgrad-spark");
    return info;
  }

  /** How the replicas trained, for model.json: their number, the batch of each, the averaging. */
  static Map<String, Object> replicaInfo(TrainingJob job, int replicas) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("replicas", replicas);
    info.put("batch_per_replica", job.batchSize());
    info.put("averaging", job.averaging().toString());
    return info;
  }
}
