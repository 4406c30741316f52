package org.deepgrad.optim.transform;

/**
 * torch.optim.Adam and AdamW in one pass ({@link Fused}), {@link ScaleByAdam}'s rule with the
 * corrections hoisted: with {@code d = a₁·g + c₁·θ} (maximize, L2 decay),
 * <pre>
 * m ← β₁·m + (1 − β₁)·d        v ← β₂·v + (1 − β₂)·d²        (v̂ = max(v̂, v) if amsgrad)
 * θ ← (1 − lr·c₂)·θ − (lr·a₂ / (1 − β₁ᵗ)) · m / (√v̂ · (1/√(1 − β₂ᵗ)) + ε)
 * </pre>
 * The bias corrections are computed in double once per call; the loop is float, one division per element.
 * Subnormal moments are set to 0 every {@value Subnormals#EVERY} steps ({@link Subnormals}).
 */
record FusedAdam(int state, Affine pre, Affine post, ScaleByAdam adam) implements Fused {

  @Override
  public void apply(Object[] states, float[] g, float[] theta, Step step, int from, int to) {
    ScaleByAdam.State s = (ScaleByAdam.State) states[state];
    long t = step.count();
    double lr = step.lr();
    float a = (float) pre.a();
    float c = (float) pre.c();
    float keep = (float) (1 - lr * post.c());
    float stepSize = (float) (-lr * post.a() / (1 - Math.pow(adam.beta1(), t)));
    float rootCorrection = (float) (1 / Math.sqrt(1 - Math.pow(adam.beta2(), t)));
    float b1 = (float) adam.beta1();
    float b2 = (float) adam.beta2();
    float g1 = (float) (1 - adam.beta1());
    float g2 = (float) (1 - adam.beta2());
    float eps = (float) adam.eps();
    float[] m = s.expAvg();
    float[] v = s.expAvgSq();
    if (Subnormals.due(step)) {
      Subnormals.flush(m, from, to);
      Subnormals.flush(v, from, to);
    }
    if (adam.amsgrad()) {
      float[] vMax = s.maxExpAvgSq();
      for (int i = from; i < to; i++) {
        float th = theta[i];
        float d = a * g[i] + c * th;
        float mi = b1 * m[i] + g1 * d;
        float vi = b2 * v[i] + g2 * d * d;
        float vHat = Math.max(vMax[i], vi);
        m[i] = mi;
        v[i] = vi;
        vMax[i] = vHat;
        theta[i] = keep * th + stepSize * mi / ((float) Math.sqrt(vHat) * rootCorrection + eps);
      }
      return;
    }
    for (int i = from; i < to; i++) {
      float th = theta[i];
      float d = a * g[i] + c * th;
      float mi = b1 * m[i] + g1 * d;
      float vi = b2 * v[i] + g2 * d * d;
      m[i] = mi;
      v[i] = vi;
      theta[i] = keep * th + stepSize * mi / ((float) Math.sqrt(vi) * rootCorrection + eps);
    }
  }
}
