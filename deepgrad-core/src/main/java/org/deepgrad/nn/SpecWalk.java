package org.deepgrad.nn;

import java.util.List;

/**
 * What a list of layer specs amounts to, found without building anything: the width it ends with,
 * the number of values in its state dict (parameters and buffers), how many layers it holds
 * (counting those inside residual blocks) and whether any is dense.
 */
record SpecWalk(int width, long stateSize, int layerCount, boolean hasDense) {
  /** The most elements one tensor holds (as {@link org.deepgrad.tensor.Shape}). */
  private static final long MAX_TENSOR = Integer.MAX_VALUE - 8;

  /**
   * Walks {@code layers} from an input of {@code width} features.
   *
   * @throws IllegalArgumentException when a weight matrix would not fit one tensor
   */
  static SpecWalk of(int width, List<LayerSpec> layers) {
    long size = 0;
    int count = 0;
    boolean dense = false;
    for (LayerSpec l : layers) {
      count++;
      if (l instanceof LayerSpec.Dense d) {
        size += weights(width, d.units(), "a dense layer of " + d.units() + " units") + d.units();
        width = d.units();
        dense = true;
      } else if (l instanceof LayerSpec.BatchNorm) {
        size += 4L * width; // weight, bias, running_mean, running_var
      } else if (l instanceof LayerSpec.LayerNorm) {
        size += 2L * width; // weight, bias
      } else if (l instanceof LayerSpec.Residual r) {
        SpecWalk body = of(width, r.body());
        size += body.stateSize + (body.width == width ? 0 : weights(width, body.width, "a residual projection"));
        count += body.layerCount;
        dense |= body.hasDense;
        width = body.width;
      }
    }
    return new SpecWalk(width, size, count, dense);
  }

  private static long weights(int in, int out, String what) {
    long n = (long) in * out;
    if (n > MAX_TENSOR) {
      throw new IllegalArgumentException(what + " after a width of " + in + " needs " + n
          + " weights, more than one tensor holds (" + MAX_TENSOR + "); use fewer units");
    }
    return n;
  }
}
