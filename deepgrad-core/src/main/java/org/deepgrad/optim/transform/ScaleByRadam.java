package org.deepgrad.optim.transform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RAdam's scaling (Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond", ICLR
 * 2020), in torch.optim.RAdam's form:
 * <pre>
 * mₜ = β₁·mₜ₋₁ + (1 − β₁)·g          vₜ = β₂·vₜ₋₁ + (1 − β₂)·g²
 * ρ∞ = 2/(1 − β₂) − 1                ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
 * m̂  = mₜ / (1 − β₁ᵗ)
 * if ρₜ &gt; 5:  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)),   u = m̂ · r · √(1 − β₂ᵗ) / (√vₜ + ε)
 * else:       u = m̂                   (un-adapted momentum SGD while the variance is intractable)
 * </pre>
 * Note ε is added to the uncorrected root here, unlike {@link ScaleByAdam}; this is torch's choice.
 */
public record ScaleByRadam(double beta1, double beta2, double eps) implements Transform<ScaleByRadam.State> {

  /** Validates as {@link #validate}. */
  public ScaleByRadam {
    validate("ScaleByRadam", beta1, beta2, eps);
  }

  /** torch.optim.RAdam's: betas (0.9, 0.999), eps 1e-8. */
  public static ScaleByRadam defaults() {
    return new ScaleByRadam(0.9, 0.999, 1e-8);
  }

  /** Both betas in [0, 1) and eps finite and &gt;= 0; {@code owner} names the caller in the message. */
  public static void validate(String owner, double beta1, double beta2, double eps) {
    Ranges.unitOpen(owner, "betas[0]", beta1, () -> defaults().beta1());
    Ranges.unitOpen(owner, "betas[1]", beta2, () -> defaults().beta2());
    Ranges.nonNegative(owner, "eps", eps, () -> defaults().eps());
  }

  /** torch's {@code exp_avg} and {@code exp_avg_sq}. */
  public record State(float[] expAvg, float[] expAvgSq) implements Transform.State {
    @Override
    public Map<String, float[]> buffers() {
      Map<String, float[]> m = new LinkedHashMap<>();
      m.put("exp_avg", expAvg);
      m.put("exp_avg_sq", expAvgSq);
      return m;
    }
  }

  @Override
  public State init(int size) {
    return new State(new float[size], new float[size]);
  }

  @Override
  public void update(State state, float[] u, float[] theta, Step step) {
    long t = step.count();
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2 = 1 - Math.pow(beta2, t);
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / bc2;
    boolean rectify = rhoT > 5;
    double rect = rectify
        ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) * Math.sqrt(bc2)
        : 1;
    float[] m = state.expAvg;
    float[] v = state.expAvgSq;
    for (int i = 0; i < u.length; i++) {
      double g = u[i];
      m[i] = (float) (beta1 * m[i] + (1 - beta1) * g);
      v[i] = (float) (beta2 * v[i] + (1 - beta2) * g * g);
      double mHat = m[i] / bc1;
      u[i] = (float) (rectify ? mHat * rect / (Math.sqrt(v[i]) + eps) : mHat);
    }
  }
}
