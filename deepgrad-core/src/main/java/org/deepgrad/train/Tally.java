package org.deepgrad.train;

import org.deepgrad.tensor.Tensor;

/**
 * Running sums of an {@link Objective}'s metrics over batches: an epoch's training metrics and a
 * chunked evaluation both add batch after batch and read {@link #metrics()} at the end. The sums
 * are plain doubles so a checkpoint can save a half-finished epoch and resume it exactly.
 *
 * @param <S> the batch type
 */
public interface Tally<S> {

  /** Adds one batch: the model's {@code output} for it and the objective's mean loss over its rows. */
  void add(Tensor output, S batch, double meanLoss);

  /** The metrics of every row added so far (NaN values when none was added). */
  Metrics metrics();

  /** The sums, for a checkpoint. */
  double[] sums();

  /**
   * Adds the rows another tally of this kind has summed ({@link #sums()}), as if they had been added
   * here: a data-parallel run's replicas merge their epoch's sums this way.
   *
   * @throws IllegalArgumentException when they do not come from a tally of this kind
   */
  void merge(double[] sums);

  /**
   * Replaces the sums with saved ones.
   *
   * @throws IllegalArgumentException when they do not come from a tally of this kind
   */
  void restore(double[] sums);
}
