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
 */
public record ScaleByAdagrad(double lrDecay, double initialAccumulatorValue, double eps)
    implements Transform<ScaleByAdagrad.State> {

  /** Validates lrDecay, initialAccumulatorValue and eps finite and &gt;= 0. */
  public ScaleByAdagrad {
    Ranges.nonNegative("ScaleByAdagrad", "lrDecay", lrDecay, 0);
    Ranges.nonNegative("ScaleByAdagrad", "initialAccumulatorValue", initialAccumulatorValue, 0);
    Ranges.nonNegative("ScaleByAdagrad", "eps", eps, 1e-10);
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
    float[] sum = state.sum;
    double decay = 1 + (step.count() - 1) * lrDecay;
    for (int i = 0; i < u.length; i++) {
      double g = u[i];
      sum[i] = (float) (sum[i] + g * g);
      u[i] = (float) (g / (Math.sqrt(sum[i]) + eps) / decay);
    }
  }
}
