package org.deepgrad.run;

import java.util.List;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Samples;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainingConfig;

/**
 * How a run cuts its training split into batches. Batch norm cannot train on a batch of one sample
 * (its variance over the batch is 0; torch refuses it too: "Expected more than 1 value per channel
 * when training"), so with batch norm in the model:
 * <ul>
 *   <li>when the last batch of an epoch would hold one sample ({@code n mod b = 1}), every epoch
 *       drops it, as PyTorch's {@code DataLoader(drop_last=True)} does: the epoch has {@code n div b}
 *       batches, and since the order is reshuffled every epoch, a different sample sits out each time;
 *   <li>when every batch would hold one sample (batch size 1, or a training split of one sample), the
 *       run is refused before it starts, in {@code --dry-run} too.
 * </ul>
 * Anything else is left as PyTorch's default ({@code drop_last=False}): a last batch of two samples
 * or more is kept, and a model without batch norm keeps a last batch of one. So runs that trained
 * before are unchanged, the main job included (8,000 samples in 125 batches of 64).
 *
 * @param fullBatch every batch is the whole split (full-batch gradient descent)
 * @param batchSize the configured samples per batch (unused with {@code fullBatch})
 * @param samples the samples in the training split
 * @param dropLast whether each epoch drops its last batch, of one sample
 * @param note what was changed and why, for the run's log; null when nothing was
 */
public record Batching(boolean fullBatch, int batchSize, int samples, boolean dropLast, String note) {

  /**
   * The batches of {@code t} over a training split of {@code samples} ({@code split} describes the
   * data for messages) for a model {@code spec}.
   *
   * @throws RunException when batch norm would see only batches of one sample
   */
  public static Batching of(TrainingConfig t, int samples, String split, ModelSpec spec) {
    return of(t.fullBatch(), t.batchSize(), samples, split, spec);
  }

  /**
   * As {@link #of(TrainingConfig, int, String, ModelSpec)}, for batches of {@code batchSize} (or the
   * whole split when {@code fullBatch}): a cluster's replica cuts its shard with it.
   */
  public static Batching of(boolean fullBatch, int batchSize, int samples, String split, ModelSpec spec) {
    Batching plain = new Batching(fullBatch, batchSize, samples, false, null);
    int b = plain.largest();
    if (!hasBatchNorm(spec.layers())) return plain;
    if (samples == 1) {
      throw new RunException("the training split holds 1 sample (" + split + "), and batch norm cannot train on a "
          + "batch of one sample (its variance is 0). Give more training data (e.g. a smaller --validation "
          + "fraction, or more rows), or train without batch norm (--no-batch-norm).");
    }
    if (b == 1) {
      throw new RunException("--batch-size 1 (training.batch_size): every batch holds one sample, and batch norm "
          + "cannot train on a batch of one sample (its variance is 0). Use a batch size of at least 2, or train "
          + "without batch norm (--no-batch-norm).");
    }
    if (samples % b != 1) return plain;
    return new Batching(false, b, samples, true, "the training split's " + samples + " samples in batches of " + b + " leave a "
        + "last batch of 1, which batch norm cannot train on: each epoch drops it (as PyTorch's drop_last), so an epoch "
        + "has " + samples / b + " batches; the order is reshuffled every epoch, so a different sample sits out each "
        + "time.");
  }

  /** The most samples a batch holds. */
  public int largest() {
    return fullBatch ? samples : Math.min(batchSize, samples);
  }

  /** The loader: the whole split in order for full-batch training, else shuffled with {@code seed}. */
  public <S extends Samples<S>> DataLoader<S> loader(S train, long seed) {
    return fullBatch ? DataLoader.fullBatch(train) : new DataLoader<>(train, batchSize, true, dropLast, seed);
  }

  private static boolean hasBatchNorm(List<LayerSpec> layers) {
    for (LayerSpec l : layers) {
      if (l instanceof LayerSpec.BatchNorm) return true;
      if (l instanceof LayerSpec.Residual r && hasBatchNorm(r.body())) return true;
    }
    return false;
  }
}
