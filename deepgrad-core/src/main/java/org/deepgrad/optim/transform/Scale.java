package org.deepgrad.optim.transform;

/**
 * Multiplies the update by a constant: {@code u ← factor·u}. {@code new Scale(-1)} first in a
 * chain is torch's {@code maximize=True} (ascend the objective); a factor of 1 is a no-op.
 */
public record Scale(double factor) implements Transform<Void> {

  /** Validates that factor is finite. */
  public Scale {
    Ranges.finite("Scale", "factor", factor, () -> -1);
  }

  @Override
  public Void init(int size) {
    return null;
  }

  @Override
  public void update(Void state, float[] u, float[] theta, Step step) {
    if (factor != 1) Affine.apply(factor, 0, u, theta);
  }
}
