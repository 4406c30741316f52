package org.deepgrad.init;

import java.util.Arrays;
import java.util.Locale;

/**
 * The nonlinearities torch.nn.init.calculate_gain knows, with torch's names (the constant's name in
 * lower case). IDENTITY is our alias of LINEAR. Gains: {@link Gain#calculate(Nonlinearity, double)}.
 */
public enum Nonlinearity {
  LINEAR,
  IDENTITY,
  CONV1D,
  CONV2D,
  CONV3D,
  CONV_TRANSPOSE1D,
  CONV_TRANSPOSE2D,
  CONV_TRANSPOSE3D,
  SIGMOID,
  TANH,
  RELU,
  LEAKY_RELU,
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
