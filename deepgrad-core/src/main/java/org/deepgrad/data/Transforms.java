package org.deepgrad.data;

import java.util.Arrays;
import org.deepgrad.tensor.Tensor;

/**
 * Feature transforms for data held in memory: byte scaling and flattening. They work on raw arrays
 * and never touch the autograd tape; inside a model use layers instead. For standardizing, see
 * {@link Standardizer}, which must be fitted on the training split.
 */
public final class Transforms {
  private Transforms() {}

  /**
   * Pixels stored as bytes scaled to [0, 1]: {@code x = b / 255}, as torchvision's {@code ToTensor}.
   * The IDX items [n, ...] become rows: a [n, itemSize] tensor.
   */
  public static Tensor scaleBytes(IdxData bytes) {
    float[] x = new float[bytes.data().length];
    for (int i = 0; i < x.length; i++) x[i] = bytes.unsigned(i) / 255f;
    return Tensor.of(x, bytes.count(), bytes.itemSize());
  }

  /**
   * Features that hold byte values (0 to 255, e.g. pixels read from a CSV) scaled to [0, 1] by
   * {@code x / 255}; a copy, labels or targets kept.
   *
   * @throws IllegalArgumentException naming the first value outside [0, 255] (or NaN)
   */
  public static <S extends Samples<S>> S scaleBytes(S data) {
    float[] src = data.features().data();
    float[] x = new float[src.length];
    for (int i = 0; i < x.length; i++) {
      if (!(src[i] >= 0 && src[i] <= 255)) {
        int d = data.inputSize();
        throw new IllegalArgumentException("scaleBytes: sample " + i / d + ", feature " + i % d + " is " + src[i]
            + "; byte-valued features lie in [0, 255]. These features are not bytes: use a Standardizer instead");
      }
      x[i] = src[i] / 255f;
    }
    return data.withFeatures(Tensor.of(x, data.features().shape()));
  }

  /**
   * A [n, d1, d2, ...] tensor as [n, d1 * d2 * ...], one flat row per sample (torch's
   * {@code flatten(start_dim=1)}); shares the data, as a row-major layout needs no copy. A rank-1
   * [n] tensor becomes [n, 1].
   */
  public static Tensor flatten(Tensor x) {
    if (x.rank() == 0) {
      throw new IllegalArgumentException("flatten: a scalar has no sample dimension; expected [n, ...]");
    }
    int n = x.dim(0);
    int[] rest = Arrays.copyOfRange(x.shape().dims(), 1, x.rank());
    int d = 1;
    for (int r : rest) d *= r;
    return Tensor.of(x.data(), n, d);
  }
}
