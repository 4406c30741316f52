package org.deepgrad.train;

import java.util.Optional;

/**
 * The end of an epoch, as {@link TrainListener#onEpoch} sees it.
 *
 * @param epoch the epoch that ended, from 0
 * @param step the updates taken so far in the run
 * @param train the metrics over the epoch's training batches, each measured in training mode
 *     (dropout on) with the weights before its own update, as Keras reports them
 * @param validation the metrics on the validation set after the epoch, in evaluation mode, if one was given
 */
public record EpochEvent(int epoch, long step, Metrics train, Optional<Metrics> validation) {}
