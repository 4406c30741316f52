package org.deepgrad.optim.clip;

import java.util.Map;
import org.deepgrad.nn.Parameter;

/**
 * A projection of a parameter's values applied after each optimizer step (Keras's
 * {@code kernel_constraint}); register one with {@code Optimizer.constrain}. It writes the data in
 * place and never touches the tape.
 */
@FunctionalInterface
public interface Constraint {

  /** Projects {@code p}'s values in place (a constraint may leave some roles alone). */
  void apply(Parameter p);

  /** Applies this constraint to every parameter of {@code params}. */
  default void apply(Map<String, Parameter> params) {
    params.values().forEach(this::apply);
  }
}
