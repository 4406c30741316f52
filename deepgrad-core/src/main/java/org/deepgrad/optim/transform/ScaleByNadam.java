package org.deepgrad.optim.transform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NAdam's scaling (Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016 workshop), in
 * torch.optim.NAdam's form, with the momentum schedule ψ = momentumDecay:
 * <pre>
 * μₜ   = β₁·(1 − ½·0.96^(t·ψ))            μₜ₊₁ = β₁·(1 − ½·0.96^((t+1)·ψ))
 * Πₜ   = Πₜ₋₁·μₜ                          (torch's mu_product, kept in float32 as torch does)
 * mₜ   = β₁·mₜ₋₁ + (1 − β₁)·g             vₜ = β₂·vₜ₋₁ + (1 − β₂)·g²
 * d    = √(vₜ / (1 − β₂ᵗ)) + ε
 * u    = (1 − μₜ)/(1 − Πₜ) · g/d  +  μₜ₊₁/(1 − Πₜ·μₜ·μₜ₊₁) · mₜ/d
 * </pre>
 * The second denominator is torch 1.13's, which multiplies μₜ in twice (its
 * {@code mu_product_next = mu_product * mu * mu_next} after {@code mu_product *= mu}); Dozat's
 * rule, and torch from 2.0 on (pull request #92699), use {@code 1 − Πₜ·μₜ₊₁}. We follow 1.13, whose
 * trajectories the conformance vectors hold; the two differ by a few percent in the first steps
 * and agree once Πₜ is small.
 */
public record ScaleByNadam(double beta1, double beta2, double eps, double momentumDecay)
    implements Transform<ScaleByNadam.State> {

  /** Validates as {@link #validate}. */
  public ScaleByNadam {
    validate("ScaleByNadam", beta1, beta2, eps, momentumDecay);
  }

  /** torch.optim.NAdam's: betas (0.9, 0.999), eps 1e-8, momentum_decay 4e-3. */
  public static ScaleByNadam defaults() {
    return new ScaleByNadam(0.9, 0.999, 1e-8, 4e-3);
  }

  /**
   * Both betas in [0, 1), and eps and momentumDecay finite and &gt;= 0; {@code owner} names the
   * caller in the message.
   */
  public static void validate(String owner, double beta1, double beta2, double eps, double momentumDecay) {
    Ranges.unitOpen(owner, "betas[0]", beta1, () -> defaults().beta1());
    Ranges.unitOpen(owner, "betas[1]", beta2, () -> defaults().beta2());
    Ranges.nonNegative(owner, "eps", eps, () -> defaults().eps());
    Ranges.nonNegative(owner, "momentumDecay", momentumDecay, () -> defaults().momentumDecay());
  }

  /** torch's {@code exp_avg}, {@code exp_avg_sq} and the one-element {@code mu_product}. */
  public record State(float[] expAvg, float[] expAvgSq, float[] muProduct) implements Transform.State {
    @Override
    public Map<String, float[]> buffers() {
      Map<String, float[]> m = new LinkedHashMap<>();
      m.put("exp_avg", expAvg);
      m.put("exp_avg_sq", expAvgSq);
      m.put("mu_product", muProduct);
      return m;
    }
  }

  @Override
  public State init(int size) {
    return new State(new float[size], new float[size], new float[] {1f});
  }

  @Override
  public void update(State state, float[] u, float[] theta, Step step) {
    long t = step.count();
    double bc2 = 1 - Math.pow(beta2, t);
    double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
    double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
    double product = state.muProduct[0] = (float) (state.muProduct[0] * mu);
    double gradCoef = (1 - mu) / (1 - product);
    double avgCoef = muNext / (1 - product * mu * muNext); // torch 1.13's mu_product_next
    float[] m = state.expAvg;
    float[] v = state.expAvgSq;
    for (int i = 0; i < u.length; i++) {
      double g = u[i];
      m[i] = (float) (beta1 * m[i] + (1 - beta1) * g);
      v[i] = (float) (beta2 * v[i] + (1 - beta2) * g * g);
      double d = Math.sqrt(v[i] / bc2) + eps;
      u[i] = (float) (gradCoef * g / d + avgCoef * m[i] / d);
    }
  }
}
