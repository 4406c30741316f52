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
 */
public record ScaleByRms(double alpha, double eps, boolean centered) implements Transform<ScaleByRms.State> {

  /** Validates alpha and eps finite and &gt;= 0. */
  public ScaleByRms {
    Ranges.nonNegative("ScaleByRms", "alpha", alpha, 0.99);
    Ranges.nonNegative("ScaleByRms", "eps", eps, 1e-8);
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
    float[] v = state.squareAvg;
    float[] mean = state.gradAvg;
    for (int i = 0; i < u.length; i++) {
      double g = u[i];
      v[i] = (float) (alpha * v[i] + (1 - alpha) * g * g);
      double var = v[i];
      if (centered) {
        mean[i] = (float) (alpha * mean[i] + (1 - alpha) * g);
        var -= (double) mean[i] * mean[i];
      }
      u[i] = (float) (g / (Math.sqrt(var) + eps));
    }
  }
}
