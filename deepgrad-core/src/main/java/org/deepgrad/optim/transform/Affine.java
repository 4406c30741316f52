package org.deepgrad.optim.transform;

/**
 * What a run of {@link Scale} and {@link AddDecayedWeights} links does to an update: {@code u ← a·u + c·θ}.
 * Folding the links into two numbers lets {@link Fused} kernels apply them inside their one pass.
 */
record Affine(double a, double c) {
  static final Affine IDENTITY = new Affine(1, 0);

  /** This map followed by {@code link}, or null when the link is neither a scale nor a weight decay. */
  Affine then(Transform<?> link) {
    if (link instanceof Scale s) return new Affine(a * s.factor(), c * s.factor());
    if (link instanceof AddDecayedWeights w) return new Affine(a, c + w.weightDecay());
    return null;
  }
}
