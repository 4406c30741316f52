package org.deepgrad.run;

import org.deepgrad.run.files.MetricsLog;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The trainer's events on their way out: the records of {@code metrics.jsonl} ({@link MetricsLog}),
 * and the steps, epochs and warnings for the run's {@link RunListener}.
 */
final class RunOutput implements TrainListener {
  private final RunListener listener;
  private final MetricsLog metrics;
  private final DataLoader<?> loader;
  /** Warnings told; a run that skips thousands of batches would otherwise bury its output. */
  static final int MAX_WARNINGS = 10;
  private int warnings;

  RunOutput(RunListener listener, MetricsLog metrics, DataLoader<?> loader) {
    this.listener = listener;
    this.metrics = metrics;
    this.loader = loader;
  }

  @Override
  public void onStep(StepEvent e) {
    // The loader already points past the batch: its index is the batch's number from 1, or 0 after the epoch's last.
    int batch = loader.batchIndex() == 0 ? loader.batchesPerEpoch() : loader.batchIndex();
    double accuracy = e.accuracy().orElse(Double.NaN);
    listener.onStep(e.epoch() + 1, batch, loader.batchesPerEpoch(), e.loss(), accuracy, e.lr(), e.samples());
    metrics.onStep(e.epoch() + 1, batch, loader.batchesPerEpoch(), e.loss(), accuracy, e.lr(), e.samples());
  }

  @Override
  public void onEpoch(EpochEvent e) {
    Map<String, Double> m = new LinkedHashMap<>();
    put(m, "", e.train());
    e.validation().ifPresent(v -> put(m, "val_", v));
    listener.onEpoch(e.epoch() + 1, m);
    metrics.onEpoch(e.epoch() + 1, m);
  }

  @Override
  public void onCheckpoint(Path file) {
    metrics.note("checkpoint", Map.of("file", file.getFileName().toString()));
  }

  @Override
  public void onWarning(String message) {
    metrics.note("warning", Map.of("message", message));
    if (++warnings > MAX_WARNINGS) return;
    listener.warning(message + (warnings == MAX_WARNINGS ? " (further warnings only in metrics.jsonl)" : ""));
  }

  @Override
  public void onEnd(TrainResult result) {
    listener.onTrainingEnd();
    metrics.note("end", Map.of("reason", result.stopReason().name(), "steps", result.steps(), "epochs", result.epochs()));
  }

  /** Closes the metrics file. */
  void close() {
    try {
      metrics.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The metrics under {@code prefix + name}: loss, accuracy, mse, r2 as the task has them. */
  static void put(Map<String, Double> out, String prefix, Metrics m) {
    out.put(prefix + "loss", m.loss());
    m.accuracy().ifPresent(v -> out.put(prefix + "accuracy", v));
    m.mse().ifPresent(v -> out.put(prefix + "mse", v));
    m.r2().ifPresent(v -> out.put(prefix + "r2", v));
  }
}
