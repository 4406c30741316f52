package org.deepgrad.optim.transform;

/**
 * torch.optim.Adagrad in one pass ({@link Fused}), {@link ScaleByAdagrad}'s rule: with
 * {@code d = a₁·g + c₁·θ} (maximize, L2 decay), {@code s ← s + d²} and
 * {@code θ ← (1 − lr·c₂)·θ − (lr·a₂ / (1 + (t − 1)·lrDecay))·d / (√s + ε)}.
 */
record FusedAdagrad(int state, Affine pre, Affine post, ScaleByAdagrad adagrad) implements Fused {

  @Override
  public void apply(Object[] states, float[] g, float[] theta, Step step, int from, int to) {
    float[] sum = ((ScaleByAdagrad.State) states[state]).sum();
    double lr = step.lr();
    float a = (float) pre.a();
    float c = (float) pre.c();
    float keep = (float) (1 - lr * post.c());
    float scale = (float) (-lr * post.a() / (1 + (step.count() - 1) * adagrad.lrDecay()));
    float eps = (float) adagrad.eps();
    for (int i = from; i < to; i++) {
      float th = theta[i];
      float d = a * g[i] + c * th;
      float si = sum[i] + d * d;
      sum[i] = si;
      theta[i] = keep * th + scale * d / ((float) Math.sqrt(si) + eps);
    }
  }
}
