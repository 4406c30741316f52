package org.deepgrad.train;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a run ended, as {@link Trainer#fit()} returns it.
 *
 * @param stopReason why it ended
 * @param steps optimizer updates taken in the whole run (a resumed run counts from its start)
 * @param epochs epochs completed
 * @param train the training metrics of the last completed epoch, if one completed
 * @param validation the validation metrics after the last completed epoch, if there is a validation set
 * @param bestValidationLoss the lowest validation loss of any epoch (improvements by at least the
 *     early-stopping minDelta), if there is a validation set
 * @param bestEpoch the epoch of that loss, or -1
 * @param skippedBatches batches dropped for a non-finite loss or gradient (SKIP, BACKOFF)
 * @param backoffs how many times the learning rate was halved (BACKOFF)
 * @param nonFinite what stopped the run when {@code stopReason} is NON_FINITE
 */
public record TrainResult(StopReason stopReason, long steps, int epochs, Optional<Metrics> train,
    Optional<Metrics> validation, OptionalDouble bestValidationLoss, int bestEpoch, long skippedBatches,
    int backoffs, Optional<NonFinite> nonFinite) {

  /** For example {@code COMPLETED after 10 epochs (4690 steps); validation loss 0.0812, accuracy 97.60%}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(stopReason + " after " + epochs + " epochs (" + steps + " steps)");
    nonFinite.ifPresent(n -> sb.append(": ").append(n));
    validation.or(() -> train).ifPresent(m -> sb.append(validation.isPresent() ? "; validation " : "; train ").append(m));
    if (skippedBatches > 0) sb.append("; ").append(skippedBatches).append(" batches skipped");
    return sb.toString();
  }
}
