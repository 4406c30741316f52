package org.deepgrad.optim.transform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RMSprop's scaling (Hinton, Coursera lecture 6e, 2012), in torch.optim.RMSprop's form:
 * <pre>
 * vₜ = α·vₜ₋₁ + (1 − α)·g²
 * ḡₜ = α·ḡₜ₋₁ + (1 − α)·g             (centered only; Graves 2013)
 * u  = g / (√(vₜ − ḡₜ²) + ε)           (centered)   or   g / (√vₜ + ε)
 * </pre>
 * ε is added outside the square root and there is no bias correction, as torch (optax and Keras
 * put ε inside the root). torch's momentum follows as a separate {@link Momentum} link.
 *
 * <p>The link and the one-pass step of a chain ({@link Fused}) run the same float loop, {@link #run}.
 */
public record ScaleByRms(double alpha, double eps, boolean centered) implements Transform<ScaleByRms.State> {

  /** Validates as {@link #validate}. */
  public ScaleByRms {
    validate("ScaleByRms", alpha, eps);
  }

  /** torch.optim.RMSprop's: alpha 0.99, eps 1e-8, not centered. */
  public static ScaleByRms defaults() {
    return new ScaleByRms(0.99, 1e-8, false);
  }

  /** alpha and eps finite and &gt;= 0; {@code owner} names the caller in the message. */
  public static void validate(String owner, double alpha, double eps) {
    Ranges.nonNegative(owner, "alpha", alpha, () -> defaults().alpha());
    Ranges.nonNegative(owner, "eps", eps, () -> defaults().eps());
  }

  /** torch's {@code square_avg} and, when centered, {@code grad_avg}. */
  public record State(float[] squareAvg, float[] gradAvg) implements Transform.State {
    @Override
    public Map<String, float[]> buffers() {
      Map<String, float[]> m = new LinkedHashMap<>();
      m.put("square_avg", squareAvg);
      if (gradAvg != null) m.put("grad_avg", gradAvg);
      return m;
    }
  }

  @Override
  public State init(int size) {
    return new State(new float[size], centered ? new float[size] : null);
  }

  @Override
  public void update(State state, float[] u, float[] theta, Step step) {
    run(state, null, null, u, u, step.count(), 1f, 0f, 0f, 1, 0, u.length);
  }

  /**
   * RMSprop's step of elements {@code [from, to)}, the loop of both forms: with {@code d = a·g + c·x},
   * <pre>
   * v ← α·v + (1 − α)·d²         ḡ ← α·ḡ + (1 − α)·d  (centered)
   * d ← d / (√(v − ḡ²) + ε)  (centered)  or  d / (√v + ε)
   * </pre>
   * then, when {@code momentum} is given with its buffer {@code b}, {@link Momentum#push} on d, and
   * {@code x ← keep·x + scale·d}. The one-pass step passes the gradient and θ (and the chain's
   * following momentum); the link passes u as both, with a = 1, c = keep = 0, scale 1 and no
   * momentum, so that u ← rms(u). Subnormal state is set to 0 every {@value Subnormals#EVERY} steps
   * ({@link Subnormals}).
   */
  void run(State s, Momentum momentum, float[] b, float[] g, float[] x, long t, float a, float c, float keep,
      double scale, int from, int to) {
    float sc = (float) scale;
    float al = (float) alpha;
    float gain = (float) (1 - alpha);
    float e = (float) eps;
    float[] v = s.squareAvg;
    float[] mean = s.gradAvg;
    float decay = b != null ? momentum.decay(t) : 0f;
    float bGain = b != null ? momentum.gain(t) : 1f;
    if (Subnormals.due(t)) {
      Subnormals.flush(v, from, to);
      Subnormals.flush(mean, from, to);
      Subnormals.flush(b, from, to);
    }
    float direct = b != null ? momentum.direct() : 1f;
    float viaBuffer = b != null ? momentum.viaBuffer() : 0f;
    if (b == null && !centered) {
      for (int i = from; i < to; i++) {
        float th = x[i];
        float d = a * g[i] + c * th;
        float vi = al * v[i] + gain * d * d;
        v[i] = vi;
        x[i] = keep * th + sc * d / ((float) Math.sqrt(vi) + e);
      }
      return;
    }
    // Centered or with momentum: the branches test loop invariants, which the JIT unswitches.
    for (int i = from; i < to; i++) {
      float th = x[i];
      float d = a * g[i] + c * th;
      float vi = al * v[i] + gain * d * d;
      v[i] = vi;
      float var = vi;
      if (centered) {
        float mi = al * mean[i] + gain * d;
        mean[i] = mi;
        var -= mi * mi;
      }
      d /= (float) Math.sqrt(var) + e;
      if (b != null) d = Momentum.push(b, i, d, decay, bGain, direct, viaBuffer);
      x[i] = keep * th + sc * d;
    }
  }
}
