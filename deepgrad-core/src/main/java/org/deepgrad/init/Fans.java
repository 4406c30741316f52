package org.deepgrad.init;

import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;

/**
 * The fans of a weight, as torch.nn.init's {@code _calculate_fan_in_and_fan_out}: for a weight of
 * shape {@code [out, in, k1, k2, ...]} the receptive field is {@code r = k1·k2·...} (1 for a matrix),
 * {@code fanIn = in·r} and {@code fanOut = out·r}. A dense weight {@code [out, in]} has fanIn = in.
 *
 * @param fanIn inputs feeding each output unit, &gt; 0
 * @param fanOut outputs each input unit feeds, &gt; 0
 */
public record Fans(int fanIn, int fanOut) {

  /** Validates fanIn &gt; 0 and fanOut &gt; 0. */
  public Fans {
    if (fanIn <= 0 || fanOut <= 0) {
      throw new IllegalArgumentException("fans must be > 0, got fanIn " + fanIn + ", fanOut " + fanOut
          + "; a weight with a zero dimension has nothing to initialize");
    }
  }

  /** The fans of a weight of this shape (rank &gt;= 2). */
  public static Fans of(Shape shape) {
    if (shape.rank() < 2) {
      throw new ShapeException("fans: fan in and fan out need a weight of rank >= 2 ([out, in, ...]), got shape "
          + shape + "; to initialize a bias from its weight use fill(bias, Fans.of(weight.shape()), rng)");
    }
    int receptive = shape.inner(1);
    return new Fans(shape.dim(1) * receptive, shape.dim(0) * receptive);
  }

  /** fanIn or fanOut. */
  public int get(FanMode mode) {
    return mode == FanMode.FAN_IN ? fanIn : fanOut;
  }
}
