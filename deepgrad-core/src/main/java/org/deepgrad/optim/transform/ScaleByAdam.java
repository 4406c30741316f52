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
 *
 * <p>The link and the one-pass step of a chain ({@link Fused}) run the same float loop, {@link #run}.
 */
public record ScaleByAdam(double beta1, double beta2, double eps, boolean amsgrad)
    implements Transform<ScaleByAdam.State> {

  /** Validates as {@link #validate}. */
  public ScaleByAdam {
    validate("ScaleByAdam", beta1, beta2, eps);
  }

  /** torch.optim.Adam's: betas (0.9, 0.999), eps 1e-8, no amsgrad. */
  public static ScaleByAdam defaults() {
    return new ScaleByAdam(0.9, 0.999, 1e-8, false);
  }

  /** Both betas in [0, 1) and eps finite and &gt;= 0; {@code owner} names the caller in the message. */
  public static void validate(String owner, double beta1, double beta2, double eps) {
    Ranges.unitOpen(owner, "betas[0]", beta1, () -> defaults().beta1());
    Ranges.unitOpen(owner, "betas[1]", beta2, () -> defaults().beta2());
    Ranges.nonNegative(owner, "eps", eps, () -> defaults().eps());
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
    run(state, u, u, step.count(), 1f, 0f, 0f, 1, 0, u.length);
  }

  /**
   * Adam's step of elements {@code [from, to)}, the loop of both forms, with the bias corrections
   * computed in double once per call and one division per element: with {@code d = a·g + c·x},
   * <pre>
   * m ← β₁·m + (1 − β₁)·d        v ← β₂·v + (1 − β₂)·d²        (v̂ = max(v̂, v) if amsgrad)
   * x ← keep·x + (scale / (1 − β₁ᵗ)) · m / (√v̂ · (1/√(1 − β₂ᵗ)) + ε)
   * </pre>
   * The one-pass step passes the gradient and θ; the link passes u as both, with a = 1, c = keep = 0
   * and scale 1, so that u ← adam(u). Subnormal moments are set to 0 every {@value Subnormals#EVERY}
   * steps ({@link Subnormals}).
   */
  void run(State s, float[] g, float[] x, long t, float a, float c, float keep, double scale, int from, int to) {
    float stepSize = (float) (scale / (1 - Math.pow(beta1, t)));
    float rootCorrection = (float) (1 / Math.sqrt(1 - Math.pow(beta2, t)));
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float g1 = (float) (1 - beta1);
    float g2 = (float) (1 - beta2);
    float e = (float) eps;
    float[] m = s.expAvg;
    float[] v = s.expAvgSq;
    if (Subnormals.due(t)) {
      Subnormals.flush(m, from, to);
      Subnormals.flush(v, from, to);
    }
    if (amsgrad) {
      float[] vMax = s.maxExpAvgSq;
      for (int i = from; i < to; i++) {
        float th = x[i];
        float d = a * g[i] + c * th;
        float mi = b1 * m[i] + g1 * d;
        float vi = b2 * v[i] + g2 * d * d;
        float vHat = Math.max(vMax[i], vi);
        m[i] = mi;
        v[i] = vi;
        vMax[i] = vHat;
        x[i] = keep * th + stepSize * mi / ((float) Math.sqrt(vHat) * rootCorrection + e);
      }
      return;
    }
    for (int i = from; i < to; i++) {
      float th = x[i];
      float d = a * g[i] + c * th;
      float mi = b1 * m[i] + g1 * d;
      float vi = b2 * v[i] + g2 * d * d;
      m[i] = mi;
      v[i] = vi;
      x[i] = keep * th + stepSize * mi / ((float) Math.sqrt(vi) * rootCorrection + e);
    }
  }
}
