package org.deepgrad.data;

import org.deepgrad.tensor.Tensor;

/** Row copies of [n, w] tensors for batching; plain array copies, never on the autograd tape. */
final class Rows {
  private Rows() {}

  /** A new [indices.length, w] tensor holding rows {@code indices} of the [n, w] tensor {@code x}. */
  static Tensor gather(Tensor x, int[] indices) {
    int n = x.dim(0);
    int w = x.dim(1);
    float[] src = x.data();
    float[] out = new float[indices.length * w];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(src, check(indices, i, n) * w, out, i * w, w);
    }
    return Tensor.of(out, indices.length, w);
  }

  /** Element {@code i} of {@code indices}, checked to lie in [0, n). */
  static int check(int[] indices, int i, int n) {
    int r = indices[i];
    if (r < 0 || r >= n) {
      throw new IndexOutOfBoundsException("row index " + r + " (position " + i + ") is outside [0, " + n
          + "); indices must name rows of the " + n + " samples");
    }
    return r;
  }
}
