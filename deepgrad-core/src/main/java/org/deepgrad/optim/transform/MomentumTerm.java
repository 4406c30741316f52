package org.deepgrad.optim.transform;

/**
 * A {@link Momentum} link inside a {@link Fused} pass, branch-free: {@code b ← decay·b + gain·d}, then
 * {@code d ← direct·d + viaBuffer·b}. On a parameter's first step decay is 0 and gain 1, so the
 * (fresh, zero) buffer becomes a copy of d as {@link Momentum} has it; otherwise decay is μ and gain
 * 1 − τ. Nesterov takes {@code d + μ·b} (direct 1, viaBuffer μ), heavy-ball {@code b} (0 and 1).
 * Momentum 0 keeps no buffer and is left out ({@link #on()} false).
 */
record MomentumTerm(int state, double momentum, double dampening, boolean nesterov) {
  static final MomentumTerm NONE = new MomentumTerm(-1, 0, 0, false);

  /** The link at index {@code state} of its chain. */
  MomentumTerm(int state, Momentum link) {
    this(link.momentum() == 0 ? -1 : state, link.momentum(), link.dampening(), link.nesterov());
  }

  boolean on() {
    return state >= 0;
  }

  float[] buffer(Object[] states) {
    return ((Momentum.State) states[state]).momentumBuffer();
  }

  float decay(Step step) {
    return step.count() == 1 ? 0f : (float) momentum;
  }

  float gain(Step step) {
    return step.count() == 1 ? 1f : (float) (1 - dampening);
  }

  float direct() {
    return nesterov ? 1f : 0f;
  }

  float viaBuffer() {
    return nesterov ? (float) momentum : 1f;
  }
}
