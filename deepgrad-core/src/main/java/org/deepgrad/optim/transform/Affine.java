package org.deepgrad.optim.transform;

/**
 * What a run of {@link Scale} and {@link AddDecayedWeights} links does to an update: {@code u ← a·u + c·θ},
 * in float. Each link applies its own map ({@link #apply}); {@link Fused} folds a run of them into the
 * two numbers and applies them inside its one pass, with the same float arithmetic.
 */
record Affine(double a, double c) {
  static final Affine IDENTITY = new Affine(1, 0);

  /** This map followed by {@code link}, or null when the link is neither a scale nor a weight decay. */
  Affine then(Transform<?> link) {
    if (link instanceof Scale s) return new Affine(a * s.factor(), c * s.factor());
    if (link instanceof AddDecayedWeights w) return new Affine(a, c + w.weightDecay());
    return null;
  }

  /** {@code u ← a·u + c·θ} element-wise. */
  static void apply(double a, double c, float[] u, float[] theta) {
    float fa = (float) a;
    float fc = (float) c;
    for (int i = 0; i < u.length; i++) u[i] = fa * u[i] + fc * theta[i];
  }
}
