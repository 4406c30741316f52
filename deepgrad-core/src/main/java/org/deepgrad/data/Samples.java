package org.deepgrad.data;

import org.deepgrad.tensor.Tensor;

/**
 * n samples held in memory: a [n, d] features tensor, one sample per row, and whatever each sample
 * is paired with (class labels in {@link Dataset}, float targets in {@link Regression}). As torch's
 * {@code TensorDataset}, indexing picks the same rows of every part; {@link DataLoader},
 * {@link Standardizer} and {@link Transforms} work through this interface, so they serve both kinds.
 *
 * @param <S> the implementing type, which {@link #rows} and {@link #withFeatures} return
 */
public interface Samples<S extends Samples<S>> {

  /** The [n, d] features, one sample per row. */
  Tensor features();

  /** Number of samples n. */
  int size();

  /** Features per sample d (the in-features of a first {@code Linear} layer). */
  default int inputSize() {
    return features().dim(1);
  }

  /**
   * The samples {@code indices[0], indices[1], ...} in that order (repeats allowed), copied: features
   * and labels or targets alike. A mini-batch is {@code rows(someIndices)}.
   *
   * @throws IndexOutOfBoundsException if an index is outside [0, n)
   */
  S rows(int[] indices);

  /**
   * The same samples with other features, which must have n rows; labels or targets are kept. A
   * feature transform (scaling, standardizing) returns this.
   */
  S withFeatures(Tensor features);
}
