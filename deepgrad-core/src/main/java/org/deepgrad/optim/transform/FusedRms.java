package org.deepgrad.optim.transform;

/**
 * torch.optim.RMSprop in one pass ({@link Fused}), {@link ScaleByRms}'s rule: with
 * {@code d = a₁·g + c₁·θ} (maximize, L2 decay),
 * <pre>
 * v ← α·v + (1 − α)·d²         ḡ ← α·ḡ + (1 − α)·d  (centered)
 * d ← d / (√(v − ḡ²) + ε)  (centered)  or  d / (√v + ε)
 * </pre>
 * then the optional {@link Momentum} ({@link MomentumTerm}) and {@code θ ← (1 − lr·c₂)·θ − lr·a₂·d}.
 * Subnormal state is set to 0 every {@value Subnormals#EVERY} steps ({@link Subnormals}).
 */
record FusedRms(int state, Affine pre, Affine post, ScaleByRms rms, MomentumTerm momentum) implements Fused {

  @Override
  public void apply(Object[] states, float[] g, float[] theta, Step step, int from, int to) {
    ScaleByRms.State s = (ScaleByRms.State) states[state];
    double lr = step.lr();
    float a = (float) pre.a();
    float c = (float) pre.c();
    float keep = (float) (1 - lr * post.c());
    float scale = (float) (-lr * post.a());
    float alpha = (float) rms.alpha();
    float gain = (float) (1 - rms.alpha());
    float eps = (float) rms.eps();
    float[] v = s.squareAvg();
    float[] mean = s.gradAvg();
    boolean centered = mean != null;
    float[] b = momentum.on() ? momentum.buffer(states) : null;
    float decay = momentum.on() ? momentum.decay(step) : 0f;
    float bGain = momentum.on() ? momentum.gain(step) : 1f;
    if (Subnormals.due(step)) {
      Subnormals.flush(v, from, to);
      Subnormals.flush(mean, from, to);
      Subnormals.flush(b, from, to);
    }
    float direct = momentum.on() ? momentum.direct() : 1f;
    float viaBuffer = momentum.on() ? momentum.viaBuffer() : 0f;
    if (b == null && !centered) {
      for (int i = from; i < to; i++) {
        float th = theta[i];
        float d = a * g[i] + c * th;
        float vi = alpha * v[i] + gain * d * d;
        v[i] = vi;
        theta[i] = keep * th + scale * d / ((float) Math.sqrt(vi) + eps);
      }
      return;
    }
    // Centered or with momentum: the branches test loop invariants, which the JIT unswitches.
    for (int i = from; i < to; i++) {
      float th = theta[i];
      float d = a * g[i] + c * th;
      float vi = alpha * v[i] + gain * d * d;
      v[i] = vi;
      float var = vi;
      if (centered) {
        float mi = alpha * mean[i] + gain * d;
        mean[i] = mi;
        var -= mi * mi;
      }
      d /= (float) Math.sqrt(var) + eps;
      if (b != null) {
        float bi = decay * b[i] + bGain * d;
        b[i] = bi;
        d = direct * d + viaBuffer * bi;
      }
      theta[i] = keep * th + scale * d;
    }
  }
}
