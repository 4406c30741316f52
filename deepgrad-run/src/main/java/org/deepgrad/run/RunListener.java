package org.deepgrad.run;

import java.util.Map;

/**
 * What a {@link Training} tells as it goes, for a program to show: the lines of its log (what it
 * trains, where it writes, what the diagnostics found, how it ended), its warnings, and every step and
 * epoch for a progress display. {@link RunLog} prints them as {@code deepgrad train} does; a program
 * that wants silence passes {@link #NONE}.
 */
public interface RunListener {
  /** Tells nothing. */
  RunListener NONE = new RunListener() {};

  /** A line of the run's log, e.g. {@code writing to runs/mnist}. */
  default void line(String text) {}

  /** Something went wrong that the run goes on after, e.g. a damaged checkpoint passed over. */
  default void warning(String message) {}

  /**
   * Training starts: the first step comes next.
   *
   * @param epochs the epochs the run takes at most
   * @param logEvery the steps between two records of metrics.jsonl ({@code output.log_every})
   */
  default void onTrainingStart(int epochs, int logEvery) {}

  /**
   * One training step done.
   *
   * @param epoch the epoch, from 1
   * @param batch the batch within the epoch, from 1
   * @param loss the batch's mean loss
   * @param accuracy the batch's accuracy in [0, 1], or NaN when there is none (regression)
   * @param lr the learning rate the step used
   * @param samples the samples in the batch
   */
  default void onStep(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy, double lr, int samples) {}

  /** One epoch done, with its metrics by name (loss, accuracy, val_loss, ...). */
  default void onEpoch(int epoch, Map<String, Double> metrics) {}

  /** Training ended (completed, stopped, or failed): no step follows. */
  default void onTrainingEnd() {}
}
