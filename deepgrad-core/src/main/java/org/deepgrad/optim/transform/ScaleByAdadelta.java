package org.deepgrad.optim.transform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adadelta's scaling (Zeiler, arXiv:1212.5701, 2012), in torch.optim.Adadelta's form:
 * <pre>
 * vₜ = ρ·vₜ₋₁ + (1 − ρ)·g²
 * Δ  = √(aₜ₋₁ + ε) / √(vₜ + ε) · g
 * aₜ = ρ·aₜ₋₁ + (1 − ρ)·Δ²
 * u  = Δ
 * </pre>
 * ε is inside both roots. The paper has no learning rate (it applies −Δ); torch multiplies by
 * {@code lr}, default 1.0, which is the paper's rule; the chain's final {@link ScaleByLearningRate}
 * does the same.
 */
public record ScaleByAdadelta(double rho, double eps) implements Transform<ScaleByAdadelta.State> {

  /** Validates as {@link #validate}. */
  public ScaleByAdadelta {
    validate("ScaleByAdadelta", rho, eps);
  }

  /** torch.optim.Adadelta's: rho 0.9, eps 1e-6. */
  public static ScaleByAdadelta defaults() {
    return new ScaleByAdadelta(0.9, 1e-6);
  }

  /** rho in [0, 1] and eps finite and &gt;= 0; {@code owner} names the caller in the message. */
  public static void validate(String owner, double rho, double eps) {
    Ranges.unitClosed(owner, "rho", rho, () -> defaults().rho());
    Ranges.nonNegative(owner, "eps", eps, () -> defaults().eps());
  }

  /** torch's {@code square_avg} (of gradients) and {@code acc_delta} (of updates). */
  public record State(float[] squareAvg, float[] accDelta) implements Transform.State {
    @Override
    public Map<String, float[]> buffers() {
      Map<String, float[]> m = new LinkedHashMap<>();
      m.put("square_avg", squareAvg);
      m.put("acc_delta", accDelta);
      return m;
    }
  }

  @Override
  public State init(int size) {
    return new State(new float[size], new float[size]);
  }

  @Override
  public void update(State state, float[] u, float[] theta, Step step) {
    float[] v = state.squareAvg;
    float[] a = state.accDelta;
    for (int i = 0; i < u.length; i++) {
      double g = u[i];
      v[i] = (float) (rho * v[i] + (1 - rho) * g * g);
      float delta = (float) (Math.sqrt(a[i] + eps) / Math.sqrt(v[i] + eps) * g);
      a[i] = (float) (rho * a[i] + (1 - rho) * (double) delta * delta);
      u[i] = delta;
    }
  }
}
