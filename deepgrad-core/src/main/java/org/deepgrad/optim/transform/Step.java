package org.deepgrad.optim.transform;

/**
 * What a transform may know about the step being taken for one parameter. The optimizer passes
 * the parameter's long-lived state holder, so no object is allocated per step.
 */
public interface Step {

  /**
   * How many steps this parameter has taken, counting this one (1 on its first step). Per
   * parameter, as torch's {@code state['step']}: a parameter that had no gradient on some steps
   * has taken fewer, and its bias corrections use its own count.
   */
  long count();

  /** The learning rate in force for this parameter's group (a schedule may change it each step). */
  double lr();
}
