package org.deepgrad.optim.transform;

/**
 * The last link of every preset: {@code u ← −lr·u}, with the learning rate in force for the
 * parameter's group at this step ({@link Step#lr()}), so a schedule that calls
 * {@code Optimizer.setLr} takes effect at the next step. In float, as {@link Fused} applies it.
 */
public record ScaleByLearningRate() implements Transform<Void> {

  @Override
  public Void init(int size) {
    return null;
  }

  @Override
  public void update(Void state, float[] u, float[] theta, Step step) {
    float scale = (float) -step.lr();
    for (int i = 0; i < u.length; i++) u[i] = scale * u[i];
  }
}
