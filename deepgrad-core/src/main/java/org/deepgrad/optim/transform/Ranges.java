package org.deepgrad.optim.transform;

import java.util.function.DoubleSupplier;

/**
 * Checks of hyper-parameter ranges, with torch.optim's bounds and messages that name the value,
 * the range and a fix. Unlike torch, NaN and infinities are rejected everywhere. The value suggested
 * in the fix ({@code example}, usually torch's default read from a {@code defaults()}) is only looked
 * up when the check fails, so a {@code defaults()} may itself be checked here.
 */
public final class Ranges {
  private Ranges() {}

  /** {@code value >= 0}. */
  public static double nonNegative(String owner, String name, double value, DoubleSupplier example) {
    return check(owner, name, value, value >= 0, ">= 0", example);
  }

  /** {@code 0 <= value < 1}, as torch's betas. */
  public static double unitOpen(String owner, String name, double value, DoubleSupplier example) {
    return check(owner, name, value, value >= 0 && value < 1, "in [0, 1)", example);
  }

  /** {@code 0 <= value <= 1}, as Adadelta's rho. */
  public static double unitClosed(String owner, String name, double value, DoubleSupplier example) {
    return check(owner, name, value, value >= 0 && value <= 1, "in [0, 1]", example);
  }

  /** Any finite value (torch leaves, e.g., dampening unchecked). */
  public static double finite(String owner, String name, double value, DoubleSupplier example) {
    return check(owner, name, value, true, "finite", example);
  }

  private static double check(String owner, String name, double value, boolean ok, String range,
      DoubleSupplier example) {
    if (!ok || !Double.isFinite(value)) {
      throw new IllegalArgumentException(owner + ": " + name + " = " + value + " is invalid; it must be "
          + range + (range.equals("finite") ? "" : " and finite") + ". Fix: use a value such as "
          + example.getAsDouble());
    }
    return value;
  }
}
