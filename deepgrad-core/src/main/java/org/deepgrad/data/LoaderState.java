package org.deepgrad.data;

/**
 * Where a {@link DataLoader} stands, for checkpoints: its settings, the position of the next batch
 * (batch {@code batch} of epoch {@code epoch}) and the generator state from which that epoch's
 * order was drawn. {@link DataLoader#restore(LoaderState)} on a loader over the same data gives the
 * identical remaining batches, mid-epoch included. All fields are numbers: store them as such.
 *
 * @param samples n, the size of the data set the state belongs to
 * @param batchSize samples per batch
 * @param shuffle whether each epoch is a fresh permutation
 * @param dropLast whether a last, smaller batch is dropped
 * @param epoch the epoch of the next batch, from 0
 * @param batch the index of the next batch within its epoch, from 0
 * @param rng the {@link org.deepgrad.tensor.Rng#state()} before this epoch's order was drawn
 */
public record LoaderState(int samples, int batchSize, boolean shuffle, boolean dropLast, int epoch, int batch,
    long[] rng) {

  /** Checks the counts are in range and copies the generator state. */
  public LoaderState {
    if (samples < 1 || batchSize < 1 || epoch < 0 || batch < 0 || rng.length != 4) {
      throw new IllegalArgumentException("LoaderState: samples " + samples + ", batchSize " + batchSize
          + ", epoch " + epoch + ", batch " + batch + ", rng of " + rng.length
          + " longs; expected samples and batchSize >= 1, epoch and batch >= 0, 4 longs of rng state");
    }
    rng = rng.clone();
  }

  /** A copy of the generator state. */
  @Override
  public long[] rng() {
    return rng.clone();
  }
}
