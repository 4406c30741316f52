package org.deepgrad.optim.transform;

import java.util.Arrays;
import java.util.Map;

/**
 * AdaGrad's scaling (Duchi, Hazan &amp; Singer, JMLR 2011), in torch.optim.Adagrad's form:
 * <pre>
 * sₜ = sₜ₋₁ + g²                       (s₀ = initialAccumulatorValue)
 * u  = g / (√sₜ + ε) / (1 + (t − 1)·lrDecay)
 * </pre>
 * so that with the final {@code −lr} the step is torch's {@code clr = lr / (1 + (t−1)·lr_decay)}
 * times {@code g / (√s + ε)}. ε sits outside the root, as torch; the effective step shrinks as
 * squared gradients accumulate.
 *
 * <p>The link and the one-pass step of a chain ({@link Fused}) run the same float loop, {@link #run}.
 */
public record ScaleByAdagrad(double lrDecay, double initialAccumulatorValue, double eps)
    implements Transform<ScaleByAdagrad.State> {

  /** Validates as {@link #validate}. */
  public ScaleByAdagrad {
    validate("ScaleByAdagrad", lrDecay, initialAccumulatorValue, eps);
  }

  /** torch.optim.Adagrad's: lr_decay 0, initial_accumulator_value 0, eps 1e-10. */
  public static ScaleByAdagrad defaults() {
    return new ScaleByAdagrad(0, 0, 1e-10);
  }

  /** lrDecay, initialAccumulatorValue and eps finite and &gt;= 0; {@code owner} names the caller. */
  public static void validate(String owner, double lrDecay, double initialAccumulatorValue, double eps) {
    Ranges.nonNegative(owner, "lrDecay", lrDecay, () -> defaults().lrDecay());
    Ranges.nonNegative(owner, "initialAccumulatorValue", initialAccumulatorValue,
        () -> defaults().initialAccumulatorValue());
    Ranges.nonNegative(owner, "eps", eps, () -> defaults().eps());
  }

  /** torch's {@code sum}: the running sum of squared gradients. */
  public record State(float[] sum) implements Transform.State {
    @Override
    public Map<String, float[]> buffers() {
      return Map.of("sum", sum);
    }
  }

  @Override
  public State init(int size) {
    float[] sum = new float[size];
    Arrays.fill(sum, (float) initialAccumulatorValue);
    return new State(sum);
  }

  @Override
  public void update(State state, float[] u, float[] theta, Step step) {
    run(state, u, u, step.count(), 1f, 0f, 0f, 1, 0, u.length);
  }

  /**
   * AdaGrad's step of elements {@code [from, to)}, the loop of both forms: with {@code d = a·g + c·x},
   * {@code s ← s + d²} and {@code x ← keep·x + (scale / (1 + (t − 1)·lrDecay))·d / (√s + ε)}. The
   * one-pass step passes the gradient and θ; the link passes u as both, with a = 1, c = keep = 0 and
   * scale 1, so that u ← adagrad(u). The sum only grows, so it never turns subnormal.
   */
  void run(State s, float[] g, float[] x, long t, float a, float c, float keep, double scale, int from, int to) {
    float[] sum = s.sum;
    float sc = (float) (scale / (1 + (t - 1) * lrDecay));
    float e = (float) eps;
    for (int i = from; i < to; i++) {
      float th = x[i];
      float d = a * g[i] + c * th;
      float si = sum[i] + d * d;
      sum[i] = si;
      x[i] = keep * th + sc * d / ((float) Math.sqrt(si) + e);
    }
  }
}
