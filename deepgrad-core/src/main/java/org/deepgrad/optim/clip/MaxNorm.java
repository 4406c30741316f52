package org.deepgrad.optim.clip;

import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.transform.Ranges;

/**
 * Max-norm regularisation (Srebro &amp; Shraibman 2005; with dropout in Srivastava et al. 2014):
 * after each step the incoming weight vector of every output unit, a row {@code w_j} of an
 * {@code [out, in]} weight, is rescaled to norm at most {@code c}:
 * {@code w_j ← w_j · c / ‖w_j‖} when {@code ‖w_j‖ > c}. It applies to {@link Parameter.Role#WEIGHT}
 * parameters of rank 2 or more (rows along the first dimension) and leaves biases and
 * normalization parameters alone, as Keras applies {@code kernel_constraint} to kernels only.
 * (Keras's MaxNorm also adds a 1e-7 to the norm; we rescale exactly to c.)
 */
public record MaxNorm(double c) implements Constraint {

  /** Validates c finite and &gt;= 0. */
  public MaxNorm {
    Ranges.nonNegative("MaxNorm", "c", c, () -> 3);
  }

  @Override
  public void apply(Parameter p) {
    if (p.role() != Parameter.Role.WEIGHT || p.value().rank() < 2) return;
    float[] w = p.value().data();
    int rows = p.value().dim(0);
    int cols = w.length / rows;
    for (int r = 0; r < rows; r++) {
      double sq = 0;
      for (int i = r * cols; i < (r + 1) * cols; i++) sq += (double) w[i] * w[i];
      double norm = Math.sqrt(sq);
      if (norm <= c) continue;
      double scale = c / norm;
      for (int i = r * cols; i < (r + 1) * cols; i++) w[i] = (float) (w[i] * scale);
    }
  }
}
