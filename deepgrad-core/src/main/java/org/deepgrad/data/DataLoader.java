package org.deepgrad.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.deepgrad.tensor.Rng;

/**
 * Serves a data set in batches, epoch after epoch, as torch's {@code DataLoader(dataset, batch_size,
 * shuffle, drop_last, generator)}.
 *
 * <p>Gradient descent, stochastic gradient descent and mini-batch gradient descent are one
 * optimizer, {@code w <- w - lr * grad(loss(batch))}, fed batches of different sizes:
 * {@link #fullBatch} gives the whole set every step (the exact gradient, "gradient descent"),
 * {@link #oneSample} one random sample per step ("stochastic gradient descent", the noisiest
 * estimate), and {@link #miniBatch} b samples (an estimate whose variance falls as 1/b). The
 * tutorial articles present them as three algorithms; here the batch size is the only difference.
 *
 * <p>With shuffling, epoch e visits the samples in a permutation drawn (Fisher-Yates) from a
 * generator seeded once, so every epoch has a new order and the same seed gives the same orders.
 * Each sample appears exactly once per epoch; the last batch is smaller when b does not divide n,
 * unless drop-last discards it. The loader is a cursor: {@link #next()} returns the next batch and
 * moves to the next epoch after the last one; {@link #state()} and {@link #restore} save and
 * resume that position exactly. Batches are fresh copies ({@link Samples#rows}): keeping one, or
 * writing to it, never affects another batch or the data set. Not thread-safe.
 *
 * <pre>{@code
 * DataLoader<Dataset> loader = DataLoader.miniBatch(train, 64, 42);
 * for (int epoch = 0; epoch < 10; epoch++) {
 *   for (Dataset batch : loader.epoch()) { ... batch.features(), batch.labels() ... }
 * }
 * }</pre>
 *
 * @param <S> the data set type, which is also the batch type
 */
public final class DataLoader<S extends Samples<S>> {
  private final S data;
  private final int batchSize;
  private final boolean shuffle;
  private final boolean dropLast;
  private final int batches;
  private final int[] order;
  private Rng rng;
  private long[] epochRng;
  private int epoch;
  private int batch;

  /**
   * A loader over {@code data}.
   *
   * @param batchSize samples per batch, at least 1 (torch's default is 1)
   * @param shuffle draw a new order each epoch (torch's default is false)
   * @param dropLast drop the last batch when it is smaller than {@code batchSize} (default false)
   * @param seed seeds the generator of the orders; unused without shuffling
   */
  public DataLoader(S data, int batchSize, boolean shuffle, boolean dropLast, long seed) {
    int n = data.size();
    if (batchSize < 1) {
      throw new IllegalArgumentException("DataLoader: batchSize is " + batchSize + "; it must be at least 1");
    }
    if (n == 0 || (dropLast && batchSize > n)) {
      throw new IllegalArgumentException("DataLoader: " + n + " samples give no batch of " + batchSize
          + (dropLast ? " with dropLast" : "") + "; use more data, a batchSize of at most " + n
          + ", or dropLast = false");
    }
    this.data = data;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.dropLast = dropLast;
    this.batches = dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    this.order = new int[n];
    startEpoch(new Rng(seed), 0);
  }

  /** Shuffled batches of {@code batchSize}, the last one possibly smaller: mini-batch gradient descent. */
  public static <S extends Samples<S>> DataLoader<S> miniBatch(S data, int batchSize, long seed) {
    return new DataLoader<>(data, batchSize, true, false, seed);
  }

  /** The whole set, in order, as one batch every step: (full-batch) gradient descent. */
  public static <S extends Samples<S>> DataLoader<S> fullBatch(S data) {
    return new DataLoader<>(data, data.size(), false, false, 0);
  }

  /** One sample per batch, a new random order each epoch: stochastic gradient descent. */
  public static <S extends Samples<S>> DataLoader<S> oneSample(S data, long seed) {
    return new DataLoader<>(data, 1, true, false, seed);
  }

  /** Batches in one epoch: ceil(n / b), or floor(n / b) with drop-last. */
  public int batchesPerEpoch() {
    return batches;
  }

  /** The samples per batch b. */
  public int batchSize() {
    return batchSize;
  }

  /** The epoch of the next batch, counted from 0. */
  public int epochIndex() {
    return epoch;
  }

  /** The index of the next batch within its epoch, counted from 0. */
  public int batchIndex() {
    return batch;
  }

  /** The next batch; after the last batch of an epoch the loader moves to the next epoch's order. */
  public S next() {
    int from = batch * batchSize;
    S out = data.rows(Arrays.copyOfRange(order, from, Math.min(from + batchSize, order.length)));
    if (++batch == batches) startEpoch(rng, epoch + 1);
    return out;
  }

  /** The batches left in the current epoch (all of them at its start), for a for-each loop. */
  public Iterable<S> epoch() {
    int current = epoch;
    return () -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return epoch == current;
      }

      @Override
      public S next() {
        if (!hasNext()) throw new NoSuchElementException("epoch " + current + " has no batches left");
        return DataLoader.this.next();
      }
    };
  }

  /** The position and generator state, to save in a checkpoint. */
  public LoaderState state() {
    return new LoaderState(order.length, batchSize, shuffle, dropLast, epoch, batch, epochRng);
  }

  /**
   * Moves to a saved position: the batches that follow are exactly those that followed when the
   * state was taken. The state must come from a loader with the same settings over the same data
   * (the size is checked; the contents cannot be).
   */
  public void restore(LoaderState s) {
    if (s.samples() != order.length || s.batchSize() != batchSize || s.shuffle() != shuffle
        || s.dropLast() != dropLast) {
      throw new IllegalArgumentException("DataLoader.restore: the state is for " + s.samples() + " samples, batchSize "
          + s.batchSize() + ", shuffle " + s.shuffle() + ", dropLast " + s.dropLast() + "; this loader has "
          + order.length + ", " + batchSize + ", " + shuffle + ", " + dropLast
          + ". Resume with the data and loader settings the checkpoint was taken with");
    }
    if (s.batch() >= batches) {
      throw new IllegalArgumentException("DataLoader.restore: batch " + s.batch() + " is past the " + batches
          + " batches of an epoch; the state is damaged");
    }
    startEpoch(Rng.fromState(s.rng()), s.epoch());
    batch = s.batch();
  }

  /** Draws epoch e's order from {@code r}, remembering r's state first so a checkpoint can redraw it. */
  private void startEpoch(Rng r, int e) {
    rng = r;
    epochRng = r.state();
    epoch = e;
    batch = 0;
    for (int i = 0; i < order.length; i++) order[i] = i;
    if (shuffle) r.shuffle(order);
  }
}
