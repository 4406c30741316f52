package org.deepgrad.optim.transform;

import java.util.Map;

/**
 * One link of a gradient-transform chain, after optax's {@code GradientTransformation}: it turns
 * the update of one parameter in place. The first link sees the gradient; the chain ends with
 * {@link ScaleByLearningRate}, and the optimizer adds the result to the parameter:
 * {@code θ ← θ + u}.
 *
 * <p>Transforms hold only their configuration; what they remember between steps lives in a
 * per-parameter state of type {@code S}, created at the parameter's first step and updated in place
 * (no allocation per step). Where a transform sits in the chain matters: weight decay before
 * {@link ScaleByAdam} is L2 (torch's Adam), after it is decoupled decay (torch's AdamW).
 *
 * @param <S> the per-parameter state; {@link Void} (and null) for stateless transforms
 */
public interface Transform<S> {

  /** Fresh state for a parameter of {@code size} elements, or null when the transform keeps none. */
  S init(int size);

  /**
   * Transforms {@code u} in place.
   *
   * @param state this parameter's state from {@link #init}
   * @param u the update so far (the gradient, as changed by the earlier links)
   * @param theta the parameter's current values (read only)
   * @param step this parameter's step count and learning rate
   */
  void update(S state, float[] u, float[] theta, Step step);

  /**
   * A per-parameter state whose buffers a state dict saves and restores, under torch's names
   * ({@code exp_avg}, {@code momentum_buffer}...).
   */
  interface State {
    /** The live buffers by name (not copies); absent buffers (amsgrad off) are left out. */
    Map<String, float[]> buffers();
  }
}
