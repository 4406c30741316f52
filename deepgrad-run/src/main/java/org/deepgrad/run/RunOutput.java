package org.deepgrad.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.deepgrad.data.DataLoader;
import org.deepgrad.run.files.MetricsRecorder;
import org.deepgrad.train.EpochEvent;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.TrainListener;
import org.deepgrad.train.TrainResult;

/**
 * The trainer's events on their way out: the records of {@code metrics.jsonl} ({@link MetricsRecorder}),
 * and the steps, epochs and warnings for the run's {@link RunListener}.
 */
final class RunOutput implements TrainListener {
  private final RunListener listener;
  private final MetricsRecorder metrics;
  private final DataLoader<?> loader;
  /** Warnings told; a run that skips thousands of batches would otherwise bury its output. */
  static final int MAX_WARNINGS = 10;
  private int warnings;

  RunOutput(RunListener listener, MetricsRecorder metrics, DataLoader<?> loader) {
    this.listener = listener;
    this.metrics = metrics;
    this.loader = loader;
  }

  @Override
  public void onStep(StepEvent e) {
    listener.onStep(e.epoch() + 1, MetricsRecorder.batch(loader), loader.batchesPerEpoch(), e.loss(),
        e.accuracy().orElse(Double.NaN), e.lr(), e.samples());
    metrics.onStep(e);
  }

  @Override
  public void onEpoch(EpochEvent e) {
    listener.onEpoch(e.epoch() + 1, MetricsRecorder.metrics(e));
    metrics.onEpoch(e);
  }

  @Override
  public void onCheckpoint(Path file) {
    metrics.onCheckpoint(file);
  }

  @Override
  public void onWarning(String message) {
    metrics.onWarning(message);
    if (++warnings > MAX_WARNINGS) return;
    listener.warning(message + (warnings == MAX_WARNINGS ? " (further warnings only in metrics.jsonl)" : ""));
  }

  @Override
  public void onEnd(TrainResult result) {
    listener.onTrainingEnd();
    metrics.onEnd(result);
  }

  /** Closes the metrics file. */
  void close() {
    try {
      metrics.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
