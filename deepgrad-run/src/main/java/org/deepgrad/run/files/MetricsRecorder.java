package org.deepgrad.run.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.data.DataLoader;
import org.deepgrad.train.EpochEvent;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.TrainListener;
import org.deepgrad.train.TrainResult;

/**
 * A trainer's events as the records of {@code metrics.jsonl} ({@link MetricsLog}): a step record every
 * {@code log_every} steps, an epoch record with every metric, {@code checkpoint}, {@code warning} and
 * {@code end} records. Add it to a {@link org.deepgrad.train.Trainer}; close it after training. In a
 * data-parallel run replica 0 records for all: each step's samples are its own times the replicas.
 */
public final class MetricsRecorder implements TrainListener, Closeable {
  private final MetricsLog log;
  private final DataLoader<?> loader;
  private final int replicas;

  /**
   * Records into {@code log} the steps of a trainer fed by {@code loader}.
   *
   * @param replicas the replicas each taking a batch of that size per step (1 outside data-parallel runs)
   */
  public MetricsRecorder(MetricsLog log, DataLoader<?> loader, int replicas) {
    this.log = log;
    this.loader = loader;
    this.replicas = replicas;
  }

  /** Opens {@code dir/metrics.jsonl} ({@link MetricsLog#open}) and records into it. */
  public static MetricsRecorder open(Path dir, boolean append, int logEvery, DataLoader<?> loader, int replicas)
      throws IOException {
    return new MetricsRecorder(MetricsLog.open(dir, append, logEvery), loader, replicas);
  }

  /** The batch a step event is about, from 1: the loader already points past it (0 after an epoch's last). */
  public static int batch(DataLoader<?> loader) {
    return loader.batchIndex() == 0 ? loader.batchesPerEpoch() : loader.batchIndex();
  }

  /** The metrics of an epoch by name: loss, accuracy, mse, r2 as the task has them, and val_ ones. */
  public static Map<String, Double> metrics(EpochEvent e) {
    Map<String, Double> m = new LinkedHashMap<>();
    put(m, "", e.train());
    e.validation().ifPresent(v -> put(m, "val_", v));
    return m;
  }

  /** The metrics {@code m} under {@code prefix + name}: loss, accuracy, mse, r2 as the task has them. */
  public static void put(Map<String, Double> out, String prefix, Metrics m) {
    out.put(prefix + "loss", m.loss());
    m.accuracy().ifPresent(v -> out.put(prefix + "accuracy", v));
    m.mse().ifPresent(v -> out.put(prefix + "mse", v));
    m.r2().ifPresent(v -> out.put(prefix + "r2", v));
  }

  @Override
  public void onStep(StepEvent e) {
    log.onStep(e.epoch() + 1, batch(loader), loader.batchesPerEpoch(), e.loss(), e.accuracy().orElse(Double.NaN),
        e.lr(), e.samples() * replicas);
  }

  @Override
  public void onEpoch(EpochEvent e) {
    log.onEpoch(e.epoch() + 1, metrics(e));
  }

  @Override
  public void onCheckpoint(Path file) {
    log.note("checkpoint", Map.of("file", file.getFileName().toString()));
  }

  @Override
  public void onWarning(String message) {
    log.note("warning", Map.of("message", message));
  }

  @Override
  public void onEnd(TrainResult result) {
    log.note("end", Map.of("reason", result.stopReason().name(), "steps", result.steps(), "epochs", result.epochs()));
  }

  /** Closes the file. */
  @Override
  public void close() throws IOException {
    log.close();
  }

  /** The log, for records of the run's own (e.g. the settings a resumed run changed). */
  public MetricsLog log() {
    return log;
  }
}
