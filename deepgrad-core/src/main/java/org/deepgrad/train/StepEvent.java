package org.deepgrad.train;

import java.util.OptionalDouble;

/**
 * One optimizer update, as {@link TrainListener#onStep} sees it.
 *
 * @param epoch the epoch, from 0
 * @param step the update's number in the run, from 1
 * @param loss the objective's mean loss on the batch, before the update, without the L2 penalty (in a
 *     data-parallel run, {@link ReplicaSync}, the mean over the replicas' batches)
 * @param accuracy the batch accuracy (classification only), in training mode (dropout on); in a
 *     data-parallel run, of this replica's batch
 * @param lr the learning rate of the update (of the first parameter group)
 * @param samples the rows in the batch
 * @param gradNorm the global L2 norm √(Σ_p ‖g_p‖²) of the gradients before clipping
 */
public record StepEvent(int epoch, long step, double loss, OptionalDouble accuracy, double lr, int samples,
    double gradNorm) {}
