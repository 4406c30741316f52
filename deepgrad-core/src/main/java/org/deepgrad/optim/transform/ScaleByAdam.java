package org.deepgrad.optim.transform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam's scaling (Kingma &amp; Ba, ICLR 2015), in torch.optim.Adam's form:
 * <pre>
 * mₜ = β₁·mₜ₋₁ + (1 − β₁)·g
 * vₜ = β₂·vₜ₋₁ + (1 − β₂)·g²
 * v̂ₜ = max(v̂ₜ₋₁, vₜ)  if amsgrad (Reddi et al., ICLR 2018), else vₜ
 * u  = (mₜ / (1 − β₁ᵗ)) / (√v̂ₜ / √(1 − β₂ᵗ) + ε)
 * </pre>
 * Both moments are bias-corrected and ε is added after the corrected root, as torch. (The paper's
 * "efficient version" puts ε on the uncorrected root, and many tutorials drop the bias correction;
 * both change the first steps.) amsgrad keeps the maximum of the raw {@code vₜ}, as torch.
 */
public record ScaleByAdam(double beta1, double beta2, double eps, boolean amsgrad)
    implements Transform<ScaleByAdam.State> {

  /** Validates both betas in [0, 1) and eps finite and &gt;= 0. */
  public ScaleByAdam {
    Ranges.betas("ScaleByAdam", beta1, beta2);
    Ranges.nonNegative("ScaleByAdam", "eps", eps, 1e-8);
  }

  /** torch's {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code max_exp_avg_sq}. */
  public record State(float[] expAvg, float[] expAvgSq, float[] maxExpAvgSq) implements Transform.State {
    @Override
    public Map<String, float[]> buffers() {
      Map<String, float[]> m = new LinkedHashMap<>();
      m.put("exp_avg", expAvg);
      m.put("exp_avg_sq", expAvgSq);
      if (maxExpAvgSq != null) m.put("max_exp_avg_sq", maxExpAvgSq);
      return m;
    }
  }

  @Override
  public State init(int size) {
    return new State(new float[size], new float[size], amsgrad ? new float[size] : null);
  }

  @Override
  public void update(State state, float[] u, float[] theta, Step step) {
    long t = step.count();
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    float[] m = state.expAvg;
    float[] v = state.expAvgSq;
    float[] vMax = state.maxExpAvgSq;
    for (int i = 0; i < u.length; i++) {
      double g = u[i];
      m[i] = (float) (beta1 * m[i] + (1 - beta1) * g);
      v[i] = (float) (beta2 * v[i] + (1 - beta2) * g * g);
      float second = v[i];
      if (amsgrad) second = vMax[i] = Math.max(vMax[i], second);
      u[i] = (float) (m[i] / bc1 / (Math.sqrt(second) / bc2Sqrt + eps));
    }
  }
}
