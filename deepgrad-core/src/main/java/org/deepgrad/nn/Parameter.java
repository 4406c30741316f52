package org.deepgrad.nn;

import org.deepgrad.tensor.Tensor;

/**
 * A trainable tensor of a module, with its {@link Role}. Its name is its path in the module tree
 * ({@code "2.weight"}), given by {@link Module#namedParameters()}; optimizers key their state by that
 * name, never by identity, so a saved state restores into a freshly built model.
 */
public final class Parameter {

  /** What a parameter is for, so optimizer groups can treat kinds differently (no decay on biases). */
  public enum Role {
    /** A weight matrix of a dense layer. */
    WEIGHT,
    /** An additive bias. */
    BIAS,
    /** A scale or shift of a normalization layer. */
    NORM
  }

  private final Tensor value;
  private final Role role;

  /** Wraps {@code value} (which is marked as requiring a gradient) as a parameter with {@code role}. */
  public Parameter(Tensor value, Role role) {
    if (value.node() != null) {
      throw new IllegalArgumentException("a parameter must be a leaf tensor, not the result of "
          + value.node().op() + "; pass a fresh tensor or detach() it");
    }
    this.value = value.requiresGrad(true);
    this.role = role;
  }

  /** The tensor: use it in the forward pass; optimizers update its data in place. */
  public Tensor value() {
    return value;
  }

  /** What this parameter is for: a weight, a bias or a normalization scale or shift. */
  public Role role() {
    return role;
  }

  /** The accumulated gradient, or null. */
  public Tensor grad() {
    return value.grad();
  }

  @Override
  public String toString() {
    return "Parameter(" + role + ", " + value.shape() + ")";
  }
}
