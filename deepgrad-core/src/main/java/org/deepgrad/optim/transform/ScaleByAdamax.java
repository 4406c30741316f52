package org.deepgrad.optim.transform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdaMax's scaling (Kingma &amp; Ba, ICLR 2015, §7.1), in torch.optim.Adamax's form:
 * <pre>
 * mₜ = β₁·mₜ₋₁ + (1 − β₁)·g
 * uₜ = max(β₂·uₜ₋₁, |g| + ε)           (the infinity norm; torch adds ε inside the max)
 * u  = mₜ / (1 − β₁ᵗ) / uₜ
 * </pre>
 */
public record ScaleByAdamax(double beta1, double beta2, double eps) implements Transform<ScaleByAdamax.State> {

  /** Validates as {@link #validate}. */
  public ScaleByAdamax {
    validate("ScaleByAdamax", beta1, beta2, eps);
  }

  /** torch.optim.Adamax's: betas (0.9, 0.999), eps 1e-8. */
  public static ScaleByAdamax defaults() {
    return new ScaleByAdamax(0.9, 0.999, 1e-8);
  }

  /** Both betas in [0, 1) and eps finite and &gt;= 0; {@code owner} names the caller in the message. */
  public static void validate(String owner, double beta1, double beta2, double eps) {
    Ranges.unitOpen(owner, "betas[0]", beta1, () -> defaults().beta1());
    Ranges.unitOpen(owner, "betas[1]", beta2, () -> defaults().beta2());
    Ranges.nonNegative(owner, "eps", eps, () -> defaults().eps());
  }

  /** torch's {@code exp_avg} and {@code exp_inf}. */
  public record State(float[] expAvg, float[] expInf) implements Transform.State {
    @Override
    public Map<String, float[]> buffers() {
      Map<String, float[]> m = new LinkedHashMap<>();
      m.put("exp_avg", expAvg);
      m.put("exp_inf", expInf);
      return m;
    }
  }

  @Override
  public State init(int size) {
    return new State(new float[size], new float[size]);
  }

  @Override
  public void update(State state, float[] u, float[] theta, Step step) {
    double bc1 = 1 - Math.pow(beta1, step.count());
    float[] m = state.expAvg;
    float[] inf = state.expInf;
    for (int i = 0; i < u.length; i++) {
      double g = u[i];
      m[i] = (float) (beta1 * m[i] + (1 - beta1) * g);
      inf[i] = (float) Math.max(beta2 * inf[i], Math.abs(g) + eps);
      u[i] = (float) (m[i] / bc1 / inf[i]);
    }
  }
}
