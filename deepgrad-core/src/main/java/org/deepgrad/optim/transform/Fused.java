package org.deepgrad.optim.transform;

/**
 * A chain's whole step for one parameter in a single pass over its arrays: {@code θ ← θ + chain(g)},
 * reading the gradient and θ once and writing θ and the transforms' states once, in float with the
 * per-step constants (bias corrections, learning rate) computed once per call in double. It updates
 * the same per-link states the chain creates ({@link Chain#init}), so state dicts, the step count and
 * the chain's semantics are unchanged; only float rounding differs from the link-by-link form (well
 * inside the PyTorch conformance tolerance). {@link Chain#fused()} finds it for the chains of the
 * presets; other chains run link by link.
 */
public interface Fused {

  /**
   * One step of a parameter's elements {@code [from, to)}: {@code θ ← θ + chain(grad)}. Elements are
   * independent, so disjoint ranges may be updated at once by different threads.
   *
   * @param states the parameter's per-link states from {@link Chain#init}
   * @param grad the gradient (read only)
   * @param theta the parameter's values, updated in place
   * @param step this parameter's step count (counting this step) and learning rate
   * @param from the first element
   * @param to one past the last element
   */
  void apply(Object[] states, float[] grad, float[] theta, Step step, int from, int to);
}
