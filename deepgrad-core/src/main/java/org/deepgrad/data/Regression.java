package org.deepgrad.data;

import java.util.Arrays;
import org.deepgrad.tensor.Tensor;

/**
 * A regression data set held in memory: one row of features and one row of float targets per
 * sample, as torch's {@code TensorDataset(x, y)} fed to {@code MSELoss}. The articles' linear
 * regression y = 2x is {@code Synthetic.linear(n, new float[] {2}, 0, 0, seed)}: features [n, 1],
 * targets [n, 1].
 *
 * <p>Targets are [n, k] even for one output (k = 1), the shape a {@code Linear(d, k)} layer
 * produces, so the loss compares equal shapes and never broadcasts [n] against [n, 1] by accident.
 *
 * @param features a [n, d] float32 tensor, one sample per row
 * @param targets a [n, k] float32 tensor, one row of k targets per sample
 */
public record Regression(Tensor features, Tensor targets) implements Samples<Regression> {

  /** Checks that features are [n, d] and targets [n, k] with the same n. */
  public Regression {
    if (features.rank() != 2) {
      throw new IllegalArgumentException("Regression: features have shape " + features.shape()
          + "; expected [n, d], one sample per row (flatten inputs first)");
    }
    if (targets.rank() != 2) {
      throw new IllegalArgumentException("Regression: targets have shape " + targets.shape()
          + "; expected [n, k], one row per sample (use [n, 1] for one output)");
    }
    if (targets.dim(0) != features.dim(0)) {
      throw new IllegalArgumentException("Regression: " + features.dim(0) + " feature rows but "
          + targets.dim(0) + " target rows; give one target row per sample");
    }
  }

  /** Number of samples n. */
  @Override
  public int size() {
    return features.dim(0);
  }

  /** Targets per sample k (the out-features of the last {@code Linear} layer). */
  public int targetSize() {
    return targets.dim(1);
  }

  /** Samples {@code indices} in that order, copied with their targets (see {@link Samples#rows}). */
  @Override
  public Regression rows(int[] indices) {
    return new Regression(Rows.gather(features, indices), Rows.gather(targets, indices));
  }

  /** These targets with other [n, d'] features (see {@link Samples#withFeatures}); targets are shared. */
  @Override
  public Regression withFeatures(Tensor newFeatures) {
    return new Regression(newFeatures, targets);
  }

  /** Samples {@code from} (inclusive) to {@code to} (exclusive), copied, in order. */
  public Regression slice(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IndexOutOfBoundsException("Regression.slice(" + from + ", " + to + ") on " + size()
          + " samples; use 0 <= from <= to <= " + size());
    }
    int d = inputSize();
    int k = targetSize();
    return new Regression(Tensor.of(Arrays.copyOfRange(features.data(), from * d, to * d), to - from, d),
        Tensor.of(Arrays.copyOfRange(targets.data(), from * k, to * k), to - from, k));
  }

  /** The first {@code trainSize} samples for training and the rest for testing, without shuffling. */
  public Split split(int trainSize) {
    if (trainSize < 0 || trainSize > size()) {
      throw new IllegalArgumentException("Regression.split: trainSize " + trainSize + " is outside [0, "
          + size() + "]; choose how many of the " + size() + " samples go to training");
    }
    return new Split(slice(0, trainSize), slice(trainSize, size()));
  }

  /** A train/test pair of regression data sets. */
  public record Split(Regression train, Regression test) {}
}
