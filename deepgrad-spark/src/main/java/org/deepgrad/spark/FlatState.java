package org.deepgrad.spark;

import java.util.List;

/**
 * Some float arrays of a replica (gradients, weights, buffers) seen as one vector, so that one
 * message carries them all, and the element-wise mean of the replicas' vectors written back:
 *
 * <pre>
 * mean[j] = (float) ((Σ_r v_r[j]) / N)     summed in double, in replica order
 * </pre>
 *
 * The same messages in the same order give every replica the same bits. For N = 2 the double sum is
 * exact, so the mean is the exact mean rounded once.
 */
final class FlatState {
  private FlatState() {}

  /** The arrays, concatenated. */
  static float[] pack(List<float[]> arrays) {
    int n = 0;
    for (float[] a : arrays) n += a.length;
    float[] out = new float[n];
    int at = 0;
    for (float[] a : arrays) {
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    return out;
  }

  /** Writes the element-wise mean of the replicas' packed {@code vectors} into {@code arrays}. */
  static void unpackMean(float[][] vectors, List<float[]> arrays) {
    int at = 0;
    for (float[] a : arrays) {
      for (int i = 0; i < a.length; i++, at++) {
        double sum = 0;
        for (float[] v : vectors) sum += v[at];
        a[i] = (float) (sum / vectors.length);
      }
    }
    if (at != vectors[0].length) {
      throw new IllegalStateException("a replica sent " + vectors[0].length + " values where " + at + " were expected");
    }
  }

  /** Decodes the payloads of {@code all}. */
  static float[][] payloads(ReplicaMessage[] all) {
    float[][] out = new float[all.length][];
    for (int r = 0; r < all.length; r++) out[r] = Floats.decode(all[r].payload());
    return out;
  }
}
