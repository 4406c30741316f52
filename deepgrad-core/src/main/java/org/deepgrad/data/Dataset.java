package org.deepgrad.data;

import java.util.Arrays;
import org.deepgrad.tensor.Tensor;

/**
 * A labelled classification data set held in memory: one row of features per sample and one class
 * index per sample, as torch's {@code TensorDataset(features, labels)}. For float targets (regression)
 * see {@link Regression}.
 *
 * @param features a [n, d] float32 tensor, one sample per row
 * @param labels n class indices, each in [0, classes)
 * @param classes the number of classes
 */
public record Dataset(Tensor features, int[] labels, int classes) implements Samples<Dataset> {

  /** Checks that features are [n, d], that there are n labels and that each is in [0, classes). */
  public Dataset {
    if (features.rank() != 2) {
      throw new IllegalArgumentException("Dataset: features have shape " + features.shape()
          + "; expected [n, d], one sample per row (flatten images first)");
    }
    if (labels.length != features.dim(0)) {
      throw new IllegalArgumentException("Dataset: " + features.dim(0) + " feature rows but "
          + labels.length + " labels; give one label per row");
    }
    if (classes < 1) {
      throw new IllegalArgumentException("Dataset: classes is " + classes + "; it must be at least 1");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("Dataset: label " + i + " is " + labels[i]
            + "; labels must be in [0, " + classes + "), or raise classes");
      }
    }
  }

  /** Number of samples n. */
  @Override
  public int size() {
    return labels.length;
  }

  /** Features per sample d (the in-features of a first {@code Linear} layer). */
  @Override
  public int inputSize() {
    return features.dim(1);
  }

  /** Samples {@code indices} in that order, copied with their labels (see {@link Samples#rows}). */
  @Override
  public Dataset rows(int[] indices) {
    int[] y = new int[indices.length];
    for (int i = 0; i < y.length; i++) y[i] = labels[Rows.check(indices, i, size())];
    return new Dataset(Rows.gather(features, indices), y, classes);
  }

  /** These labels with other [n, d'] features (see {@link Samples#withFeatures}); labels are shared. */
  @Override
  public Dataset withFeatures(Tensor newFeatures) {
    return new Dataset(newFeatures, labels, classes);
  }

  /** Samples {@code from} (inclusive) to {@code to} (exclusive), copied, in order. */
  public Dataset slice(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IndexOutOfBoundsException("Dataset.slice(" + from + ", " + to + ") on " + size()
          + " samples; use 0 <= from <= to <= " + size());
    }
    int d = inputSize();
    float[] rows = Arrays.copyOfRange(features.data(), from * d, to * d);
    return new Dataset(Tensor.of(rows, to - from, d), Arrays.copyOfRange(labels, from, to), classes);
  }

  /** The first {@code trainSize} samples for training and the rest for testing, without shuffling. */
  public Split split(int trainSize) {
    if (trainSize < 0 || trainSize > size()) {
      throw new IllegalArgumentException("Dataset.split: trainSize " + trainSize + " is outside [0, "
          + size() + "]; choose how many of the " + size() + " samples go to training");
    }
    return new Split(slice(0, trainSize), slice(trainSize, size()));
  }

  /** How many samples carry each label: element k counts label k. */
  public int[] classCounts() {
    int[] counts = new int[classes];
    for (int y : labels) counts[y]++;
    return counts;
  }

  /** A train/test pair of data sets. */
  public record Split(Dataset train, Dataset test) {}
}
