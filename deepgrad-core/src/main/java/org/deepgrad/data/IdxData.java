package org.deepgrad.data;

import java.util.Arrays;

/**
 * The contents of one IDX file of unsigned bytes (type 0x08): its dimensions and its data, row-major
 * as in the file. The first dimension counts the items (images or labels), the rest give the shape of
 * one item, e.g. {@code [10000, 28, 28]} for MNIST images and {@code [10000]} for their labels.
 *
 * @param name where the data came from (a path or a resource), for messages
 * @param dims the dimensions, each positive, their product equal to {@code data.length}
 * @param data the values as stored, not copied; read them with {@link #unsigned(int)}
 */
public record IdxData(String name, int[] dims, byte[] data) {

  /** Checks that the dimensions are positive and account for exactly the data. */
  public IdxData {
    dims = dims.clone();
    long product = 1;
    for (int d : dims) {
      if (d <= 0) throw new IllegalArgumentException(name + ": dims " + Arrays.toString(dims) + " must all be positive");
      product *= d;
      if (product > data.length) break;
    }
    if (dims.length == 0 || product != data.length) {
      throw new IllegalArgumentException(name + ": dims " + Arrays.toString(dims) + " do not account for "
          + data.length + " bytes of data; their product must equal the data length");
    }
  }

  /** A copy of the dimensions. */
  @Override
  public int[] dims() {
    return dims.clone();
  }

  /** Number of items: the first dimension. */
  public int count() {
    return dims[0];
  }

  /** Values per item: the product of the dimensions after the first (1 for labels). */
  public int itemSize() {
    return data.length / dims[0];
  }

  /** The value at flat index {@code i}, in [0, 255] (Java bytes are signed; this undoes that). */
  public int unsigned(int i) {
    return data[i] & 0xFF;
  }

  @Override
  public String toString() {
    return "IdxData[" + name + ", dims=" + Arrays.toString(dims) + "]";
  }
}
