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
 *
 * <p>The link and the one-pass step of a chain ({@link Fused}) run the same loop, {@link #run}, in
 * float; a subnormal buffer is set to 0 every {@value Subnormals#EVERY} steps ({@link Subnormals}).
 */
public record Momentum(double momentum, double dampening, boolean nesterov) implements Transform<Momentum.State> {

  /** Validates as {@link #validate}: momentum &gt;= 0, dampening finite; nesterov needs μ &gt; 0 and τ = 0. */
  public Momentum {
    validate("Momentum", momentum, dampening, nesterov);
  }

  /** torch.optim.SGD's: momentum 0 (no buffer), dampening 0, no Nesterov. */
  public static Momentum defaults() {
    return new Momentum(0, 0, false);
  }

  /**
   * torch.optim.SGD's checks: momentum &gt;= 0, a finite dampening, and nesterov only with
   * momentum &gt; 0 and dampening 0. {@code owner} names the caller in the message.
   */
  public static void validate(String owner, double momentum, double dampening, boolean nesterov) {
    Ranges.nonNegative(owner, "momentum", momentum, () -> 0.9);
    Ranges.finite(owner, "dampening", dampening, () -> 0);
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
    run(state.momentumBuffer, u, u, step.count(), 1f, 0f, 0f, 1, 0, u.length);
  }

  /**
   * The step of elements {@code [from, to)} with this momentum, the loop of both forms: with
   * {@code d = a·g + c·x}, {@code b ← decay·b + gain·d} ({@link #push}) and
   * {@code x ← keep·x + scale·(d + μ·b or b)}. The one-pass step passes the gradient and θ; the link
   * passes u as both, with a = 1 and c = keep = 0 (so u ← momentum(u)) and scale 1.
   */
  void run(float[] b, float[] g, float[] x, long t, float a, float c, float keep, double scale, int from, int to) {
    if (Subnormals.due(t)) Subnormals.flush(b, from, to);
    float s = (float) scale;
    float decay = decay(t);
    float gain = gain(t);
    float direct = direct();
    float viaBuffer = viaBuffer();
    for (int i = from; i < to; i++) {
      float th = x[i];
      float d = a * g[i] + c * th;
      x[i] = keep * th + s * push(b, i, d, decay, gain, direct, viaBuffer);
    }
  }

  /**
   * The momentum of one element, branch-free: {@code b[i] ← decay·b[i] + gain·d}, returning
   * {@code direct·d + viaBuffer·b[i]}. Small enough that the JIT always inlines it into the loops.
   */
  static float push(float[] b, int i, float d, float decay, float gain, float direct, float viaBuffer) {
    float bi = decay * b[i] + gain * d;
    b[i] = bi;
    return direct * d + viaBuffer * bi;
  }

  /** μ, but 0 on a parameter's first step, where the (fresh, zero) buffer becomes a copy of d. */
  float decay(long t) {
    return t == 1 ? 0f : (float) momentum;
  }

  /** 1 − τ, but 1 on a parameter's first step (no dampening then). */
  float gain(long t) {
    return t == 1 ? 1f : (float) (1 - dampening);
  }

  /** Nesterov takes {@code d + μ·b}: 1 here; heavy-ball takes {@code b} alone: 0. */
  float direct() {
    return nesterov ? 1f : 0f;
  }

  /** Nesterov's μ, heavy-ball's 1. */
  float viaBuffer() {
    return nesterov ? (float) momentum : 1f;
  }
}
