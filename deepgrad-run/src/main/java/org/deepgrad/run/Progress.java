package org.deepgrad.run;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.deepgrad.run.files.RunningMean;

/**
 * Training progress for people. On a terminal, one line redrawn with '\r' (at most every
 * {@value #REDRAW_MS} ms): epoch, a bar, batch i/n, batches per second, the ETA of the whole run
 * and the epoch's running loss and accuracy. Otherwise (a pipe, a file, or {@code --no-progress})
 * a plain line every {@code logEvery} steps. Both print one summary line per epoch. The rate is
 * measured from construction, so build it right before training starts.
 *
 * <p>Call {@link #onStep} after every batch and {@link #onEpoch} after every epoch (from a
 * TrainListener), then {@link #close}. Not thread-safe: call from the training thread.
 */
public final class Progress implements AutoCloseable {
  /** How the progress is shown. */
  public enum Mode {
    /** A single line redrawn in place, for terminals. */
    BAR,
    /** Plain lines at a steady rate, for logs. */
    LINES
  }

  static final long REDRAW_MS = 100;
  private static final int BAR_WIDTH = 20;

  private final PrintWriter out;
  private final Mode mode;
  private final int epochs;
  private final int logEvery;
  private final LongSupplier nanoTime;
  private final long start;
  private long epochStart;
  private long lastDraw;
  private long steps;
  private int epoch = -1;
  private final RunningMean mean = new RunningMean();
  private int drawn;

  /**
   * Progress written to {@code out}.
   *
   * @param epochs the epochs the run will do at most (for the ETA and "epoch 3/15")
   * @param logEvery steps between two plain lines (LINES mode)
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   */
  public Progress(PrintWriter out, Mode mode, int epochs, int logEvery, LongSupplier nanoTime) {
    this.out = out;
    this.mode = mode;
    this.epochs = epochs;
    this.logEvery = logEvery;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.epochStart = start;
    this.lastDraw = start - REDRAW_MS * 1_000_000;
  }

  /**
   * One training step done.
   *
   * @param epoch the epoch, from 1
   * @param batch the batch within the epoch, from 1
   * @param loss the batch's mean loss
   * @param accuracy the batch's accuracy in [0, 1], or NaN when there is none (regression)
   * @param lr the learning rate the step used
   * @param samples the samples in the batch (weights the running means)
   */
  public void onStep(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy, double lr, int samples) {
    if (epoch != this.epoch) {
      this.epoch = epoch;
      mean.reset();
    }
    steps++;
    mean.add(loss, accuracy, samples);
    long now = nanoTime.getAsLong();
    double rate = steps / Math.max(1e-9, (now - start) / 1e9);
    long left = (long) (epochs - epoch) * batchesPerEpoch + batchesPerEpoch - batch;
    String stats = String.format(Locale.ROOT, "%.1f batch/s  ETA %s  loss %.4f%s", rate, duration(left / rate),
        mean.loss(), Double.isNaN(mean.accuracy()) ? "" : String.format(Locale.ROOT, "  acc %.2f%%", 100 * mean.accuracy()));
    if (mode == Mode.BAR) {
      if (batch < batchesPerEpoch && now - lastDraw < REDRAW_MS * 1_000_000) return;
      lastDraw = now;
      int filled = (int) ((long) BAR_WIDTH * batch / batchesPerEpoch);
      draw(String.format(Locale.ROOT, "epoch %d/%d [%s%s] %d/%d  %s", epoch, epochs, "#".repeat(filled),
          ".".repeat(BAR_WIDTH - filled), batch, batchesPerEpoch, stats));
    } else {
      long step = (long) (epoch - 1) * batchesPerEpoch + batch;
      if (step % logEvery != 0) return;
      out.println(String.format(Locale.ROOT, "epoch %d/%d  step %d  batch %d/%d  lr %.4g  %s", epoch, epochs, step,
          batch, batchesPerEpoch, lr, stats));
      out.flush();
    }
  }

  /**
   * One epoch done: a summary line with every metric (keys ending in "accuracy" as percentages)
   * and the epoch's duration.
   */
  public void onEpoch(int epoch, Map<String, Double> metrics) {
    long now = nanoTime.getAsLong();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs));
    metrics.forEach((k, v) -> line.append("  ").append(k).append(' ').append(format(k, v)));
    line.append(String.format(Locale.ROOT, "  (%.1f s)", (now - epochStart) / 1e9));
    epochStart = now;
    if (mode == Mode.BAR) draw(line.toString());
    out.println(mode == Mode.BAR ? "" : line.toString());
    drawn = 0;
    out.flush();
  }

  /** Ends a bar left unfinished (a run stopped mid-epoch) with a newline. */
  @Override
  public void close() {
    if (drawn > 0) out.println();
    drawn = 0;
    out.flush();
  }

  /** Redraws the bar line: '\r', the text, and spaces over what is left of a longer previous line. */
  private void draw(String text) {
    out.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
    drawn = text.length();
    out.flush();
  }

  static String format(String key, Double v) {
    if (v == null || !Double.isFinite(v)) return String.valueOf(v);
    return key.endsWith("accuracy") ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : String.format(Locale.ROOT, "%.4g", v);
  }

  /** {@code h:mm:ss} or {@code m:ss}; "?" before the rate is known. */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) return "?";
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
