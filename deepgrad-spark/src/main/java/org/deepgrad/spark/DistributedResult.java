package org.deepgrad.spark;

import java.io.Serializable;
import java.util.List;

/**
 * How a distributed run ended, as replica 0 saw it (the replicas agree on every count and metric).
 *
 * @param stopReason the {@code StopReason}'s name (COMPLETED, MAX_STEPS, NON_FINITE)
 * @param steps updates taken in the whole run
 * @param epochs epochs completed
 * @param resumedFrom the step the run resumed from on its last attempt, or -1 (started afresh)
 * @param trainLoss the last epoch's training loss over all replicas' rows, NaN before the first epoch ends
 * @param trainAccuracy the same epoch's training accuracy (dropout on), NaN before the first epoch ends
 * @param summary the trainer's one-line result ({@code TrainResult.toString()})
 * @param findings replica 0's gradient-flow findings, one line each ({@code KIND [layers]: explanation});
 *     empty when diagnostics were off or found nothing
 * @param modelSaved whether model.safetensors and model.json were written (not after a NaN stopped the run)
 */
public record DistributedResult(String stopReason, long steps, int epochs, long resumedFrom, double trainLoss,
    double trainAccuracy, String summary, List<String> findings, boolean modelSaved) implements Serializable {

  public DistributedResult {
    findings = List.copyOf(findings);
  }

  @Override
  public String toString() {
    return summary;
  }
}
