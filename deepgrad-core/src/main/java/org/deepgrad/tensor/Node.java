package org.deepgrad.tensor;

/**
 * The op that computed a tensor ({@link Tensor#node()}), as the tape records it: its name, its inputs
 * and the rule that turns the gradient of the output into gradients of the inputs. The tensors and
 * their nodes are the graph that {@code org.deepgrad.autograd} records and walks back.
 *
 * @param op the op's name, shown in errors and diagnostics
 * @param inputs the op's tensor inputs, in order
 * @param rule the backward rule
 */
public record Node(String op, Tensor[] inputs, Backward rule) {

  /** A backward rule: one line of calculus per primitive op. */
  @FunctionalInterface
  public interface Backward {
    /**
     * Gradients with respect to each input, given the gradient of the output. An entry may be null
     * where the input needs none ({@link Tensor#requiresGrad()} false); each non-null entry has its
     * input's shape. Called with recording off, so the gradients carry no graph.
     */
    Tensor[] apply(Tensor gradOutput);
  }
}
