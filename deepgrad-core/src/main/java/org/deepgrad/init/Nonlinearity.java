package org.deepgrad.init;

import java.util.Arrays;
import java.util.Locale;

/**
 * The nonlinearities torch.nn.init.calculate_gain knows, with torch's names (the constant's name in
 * lower case). IDENTITY is our alias of LINEAR. Gains: {@link Gain#calculate(Nonlinearity, double)}.
 */
public enum Nonlinearity {
  /** No activation ({@code "linear"}); gain 1. */
  LINEAR,
  /** Our alias of LINEAR ({@code "identity"}); gain 1. */
  IDENTITY,
  /** {@code "conv1d"}; gain 1. */
  CONV1D,
  /** {@code "conv2d"}; gain 1. */
  CONV2D,
  /** {@code "conv3d"}; gain 1. */
  CONV3D,
  /** {@code "conv_transpose1d"}; gain 1. */
  CONV_TRANSPOSE1D,
  /** {@code "conv_transpose2d"}; gain 1. */
  CONV_TRANSPOSE2D,
  /** {@code "conv_transpose3d"}; gain 1. */
  CONV_TRANSPOSE3D,
  /** Logistic sigmoid ({@code "sigmoid"}); gain 1. */
  SIGMOID,
  /** {@code "tanh"}; gain 5/3. */
  TANH,
  /** {@code "relu"}; gain √2. */
  RELU,
  /** {@code "leaky_relu"}; gain √(2/(1+s²)) for negative slope s (0.01 when not given). */
  LEAKY_RELU,
  /** {@code "selu"}; gain 3/4. */
  SELU;

  /** The torch name, e.g. {@code "leaky_relu"}. */
  public String torchName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The nonlinearity with this torch name (case-insensitive). */
  public static Nonlinearity byName(String name) {
    for (Nonlinearity n : values()) {
      if (n.torchName().equalsIgnoreCase(name == null ? "" : name.trim())) return n;
    }
    throw new IllegalArgumentException("unknown nonlinearity '" + name + "'; valid names: "
        + Arrays.stream(values()).map(Nonlinearity::torchName).toList());
  }
}
