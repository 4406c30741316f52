package org.deepgrad.optim.transform;

import java.util.Map;

/**
 * Heavy-ball momentum as in torch.optim.SGD (optax's {@code trace}):
 * <pre>
 * b₁ = u₁                         (first step: the buffer starts as a copy, no dampening)
 * bₜ = μ·bₜ₋₁ + (1 − τ)·uₜ        (τ = dampening)
 * u ← u + μ·bₜ  if nesterov, else u ← bₜ
 * </pre>
 * With τ = 0 this is also RMSprop's momentum (torch starts that buffer at zero, and μ·0 + u = u).
 * Note torch's form differs from Sutskever et al. (2013), who fold the learning rate into the
 * buffer (v ← μv − lr·g); the two agree while lr is constant. A momentum of 0 keeps no buffer and
 * leaves {@code u} untouched, as torch.
 */
public record Momentum(double momentum, double dampening, boolean nesterov) implements Transform<Momentum.State> {

  /** Validates as {@link #validate}: momentum &gt;= 0, dampening finite; nesterov needs μ &gt; 0 and τ = 0. */
  public Momentum {
    validate("Momentum", momentum, dampening, nesterov);
  }

  /**
   * torch.optim.SGD's checks: momentum &gt;= 0, a finite dampening, and nesterov only with
   * momentum &gt; 0 and dampening 0. {@code owner} names the caller in the message.
   */
  public static void validate(String owner, double momentum, double dampening, boolean nesterov) {
    Ranges.nonNegative(owner, "momentum", momentum, 0.9);
    Ranges.finite(owner, "dampening", dampening, 0);
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException(owner + ": nesterov needs momentum > 0 and dampening = 0, got momentum = "
          + momentum + ", dampening = " + dampening + ". Fix: set momentum (e.g. 0.9) and dampening 0 before "
          + "nesterov, or turn nesterov off");
    }
  }

  /** torch's {@code momentum_buffer}. */
  public record State(float[] momentumBuffer) implements Transform.State {
    @Override
    public Map<String, float[]> buffers() {
      return Map.of("momentum_buffer", momentumBuffer);
    }
  }

  @Override
  public State init(int size) {
    return momentum == 0 ? null : new State(new float[size]);
  }

  @Override
  public void update(State state, float[] u, float[] theta, Step step) {
    if (momentum == 0) return;
    float[] b = state.momentumBuffer;
    boolean first = step.count() == 1;
    for (int i = 0; i < u.length; i++) {
      b[i] = first ? u[i] : (float) (momentum * b[i] + (1 - dampening) * u[i]);
      u[i] = nesterov ? (float) (u[i] + momentum * b[i]) : b[i];
    }
  }
}
