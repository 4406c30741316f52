package org.deepgrad.optim.transform;

/**
 * torch.optim.SGD in one pass ({@link Fused}): {@code d = a₁·g + c₁·θ} (maximize and L2 decay),
 * optional {@link Momentum} through {@link MomentumTerm}, then {@code θ ← (1 − lr·c₂)·θ − lr·a₂·d}.
 * A subnormal momentum buffer is set to 0 every {@value Subnormals#EVERY} steps ({@link Subnormals}).
 */
record FusedSgd(Affine pre, Affine post, MomentumTerm momentum) implements Fused {

  @Override
  public void apply(Object[] states, float[] g, float[] theta, Step step, int from, int to) {
    double lr = step.lr();
    float a = (float) pre.a();
    float c = (float) pre.c();
    float keep = (float) (1 - lr * post.c());
    float scale = (float) (-lr * post.a());
    if (!momentum.on()) {
      for (int i = from; i < to; i++) {
        float t = theta[i];
        theta[i] = keep * t + scale * (a * g[i] + c * t);
      }
      return;
    }
    float[] b = momentum.buffer(states);
    if (Subnormals.due(step)) Subnormals.flush(b, from, to);
    float decay = momentum.decay(step);
    float gain = momentum.gain(step);
    float direct = momentum.direct();
    float viaBuffer = momentum.viaBuffer();
    for (int i = from; i < to; i++) {
      float t = theta[i];
      float d = a * g[i] + c * t;
      float bi = decay * b[i] + gain * d;
      b[i] = bi;
      theta[i] = keep * t + scale * (direct * d + viaBuffer * bi);
    }
  }
}
