package org.deepgrad.run;

import java.io.PrintWriter;
import java.util.Map;

/**
 * A {@link RunListener} that prints: the log's lines to {@code out}, warnings to {@code err}
 * ({@code warning: ...}), and the steps and epochs as {@link Progress} shows them, a bar redrawn in
 * place ({@link Progress.Mode#BAR}, for a terminal) or plain lines. What {@code deepgrad train} prints,
 * and what a sweep writes into each cell's {@code log.txt}.
 */
public final class RunLog implements RunListener {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Progress.Mode mode;
  private Progress progress;

  /** A log to {@code out} and {@code err}, the progress in {@code mode}. */
  public RunLog(PrintWriter out, PrintWriter err, Progress.Mode mode) {
    this.out = out;
    this.err = err;
    this.mode = mode;
  }

  @Override
  public void line(String text) {
    out.println(text);
    out.flush();
  }

  @Override
  public void warning(String message) {
    if (progress != null) progress.close();
    err.println("warning: " + message);
    err.flush();
  }

  @Override
  public void onTrainingStart(int epochs, int logEvery) {
    progress = new Progress(out, mode, epochs, logEvery, System::nanoTime);
  }

  @Override
  public void onStep(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy, double lr, int samples) {
    if (progress != null) progress.onStep(epoch, batch, batchesPerEpoch, loss, accuracy, lr, samples);
  }

  @Override
  public void onEpoch(int epoch, Map<String, Double> metrics) {
    if (progress != null) progress.onEpoch(epoch, metrics);
  }

  @Override
  public void onTrainingEnd() {
    if (progress != null) progress.close();
  }
}
