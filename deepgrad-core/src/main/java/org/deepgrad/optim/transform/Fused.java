package org.deepgrad.optim.transform;

/**
 * A chain's whole step for one parameter in a single pass over its arrays: {@code θ ← θ + chain(g)},
 * reading the gradient and θ once and writing θ and the transforms' states once, in float with the
 * per-step constants (bias corrections, learning rate) computed once per call in double. With the
 * chain's leading and trailing {@link Scale} and {@link AddDecayedWeights} links folded into
 * {@code a₁, c₁} and {@code a₂, c₂} ({@link Affine}) and its core link's rule (Adam's, RMSprop's,
 * momentum...), the step is
 * <pre>
 * θ ← (1 − lr·c₂)·θ − lr·a₂·core(a₁·g + c₁·θ)
 * </pre>
 * The core is its link's own loop (for example {@link ScaleByAdam}'s), which the link runs too; the
 * states are the ones the chain creates ({@link Chain#init}), so state dicts, the step count and the
 * chain's semantics are the link-by-link ones, and only float rounding differs from running the links
 * one after the other. {@link Chain#fused()} finds it for the chains of the presets; other chains run
 * link by link.
 */
public final class Fused {

  /** A core link's loop: {@code x ← keep·x + scale·core(a·g + c·x)} over elements {@code [from, to)}. */
  @FunctionalInterface
  interface Core {
    void run(Object[] states, float[] g, float[] x, long t, float a, float c, float keep, double scale, int from,
        int to);
  }

  /** No core (SGD without momentum): {@code x ← keep·x + scale·(a·g + c·x)}. */
  static final Core NONE = (states, g, x, t, a, c, keep, scale, from, to) -> {
    float s = (float) scale;
    for (int i = from; i < to; i++) {
      float th = x[i];
      x[i] = keep * th + s * (a * g[i] + c * th);
    }
  };

  private final Affine pre;
  private final Affine post;
  private final Core core;

  Fused(Affine pre, Affine post, Core core) {
    this.pre = pre;
    this.post = post;
    this.core = core;
  }

  /**
   * One step of a parameter's elements {@code [from, to)}: {@code θ ← θ + chain(grad)}. Elements are
   * independent, so disjoint ranges may be updated at once by different threads, with the same bits
   * as one range.
   *
   * @param states the parameter's per-link states from {@link Chain#init}
   * @param grad the gradient (read only)
   * @param theta the parameter's values, updated in place
   * @param step this parameter's step count (counting this step) and learning rate
   * @param from the first element
   * @param to one past the last element
   */
  public void apply(Object[] states, float[] grad, float[] theta, Step step, int from, int to) {
    double lr = step.lr();
    core.run(states, grad, theta, step.count(), (float) pre.a(), (float) pre.c(), (float) (1 - lr * post.c()),
        -lr * post.a(), from, to);
  }
}
