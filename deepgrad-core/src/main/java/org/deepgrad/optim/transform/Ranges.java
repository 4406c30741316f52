package org.deepgrad.optim.transform;

/**
 * Checks of hyper-parameter ranges, with torch.optim's bounds and messages that name the value,
 * the range and a fix. Unlike torch, NaN and infinities are rejected everywhere.
 */
public final class Ranges {
  private Ranges() {}

  /** {@code value >= 0}; {@code example} is a sensible value to suggest (usually torch's default). */
  public static double nonNegative(String owner, String name, double value, double example) {
    return check(owner, name, value, value >= 0, ">= 0", example);
  }

  /** {@code 0 <= value < 1}, as torch's betas. */
  public static double unitOpen(String owner, String name, double value, double example) {
    return check(owner, name, value, value >= 0 && value < 1, "in [0, 1)", example);
  }

  /** torch's {@code betas}: both in [0, 1), named {@code betas[0]} and {@code betas[1]}. */
  public static void betas(String owner, double beta1, double beta2) {
    unitOpen(owner, "betas[0]", beta1, 0.9);
    unitOpen(owner, "betas[1]", beta2, 0.999);
  }

  /** {@code 0 <= value <= 1}, as Adadelta's rho. */
  public static double unitClosed(String owner, String name, double value, double example) {
    return check(owner, name, value, value >= 0 && value <= 1, "in [0, 1]", example);
  }

  /** Any finite value (torch leaves, e.g., dampening unchecked). */
  public static double finite(String owner, String name, double value, double example) {
    return check(owner, name, value, true, "finite", example);
  }

  private static double check(String owner, String name, double value, boolean ok, String range, double example) {
    if (!ok || !Double.isFinite(value)) {
      throw new IllegalArgumentException(owner + ": " + name + " = " + value + " is invalid; it must be "
          + range + (range.equals("finite") ? "" : " and finite") + ". Fix: use a value such as " + example);
    }
    return value;
  }
}
