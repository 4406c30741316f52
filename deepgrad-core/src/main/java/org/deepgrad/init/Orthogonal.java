package org.deepgrad.init;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * A (semi-)orthogonal matrix times gain, torch's {@code orthogonal_(gain)} (Saxe, McClelland and
 * Ganguli, "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks",
 * ICLR 2014). The tensor is viewed as rows = dim 0 by cols = the rest; then, as torch:
 *
 * <pre>A ~ N(0, 1)^(rows×cols) (transposed if rows &lt; cols),  A = QR,  Q ← Q·sign(diag R),  W = gain·Q</pre>
 *
 * <p>The sign correction makes Q uniformly (Haar) distributed. A tall W has orthonormal columns
 * (WᵀW = gain²·I), a wide one orthonormal rows (WWᵀ = gain²·I). The QR is Householder's, in double.
 *
 * @param gain finite and &gt; 0; 1 by default
 */
public record Orthogonal(double gain) implements Initializer {

  /** Validates gain finite and &gt; 0. */
  public Orthogonal {
    XavierNormal.checkGain("orthogonal", gain);
  }

  @Override
  public void fill(Tensor t, Rng rng) {
    if (t.rank() < 2) {
      throw new ShapeException("orthogonal init: needs a tensor of rank >= 2, got shape " + t.shape()
          + "; it is for weight matrices (use zeros or standard for a bias)");
    }
    if (t.size() == 0) return;
    int rows = t.dim(0);
    int cols = t.size() / rows;
    boolean wide = rows < cols;
    int n = Math.max(rows, cols);
    int m = Math.min(rows, cols);
    double[][] a = new double[m][n]; // column j of the tall n×m matrix, contiguous
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double x = rng.normal();
        if (wide) a[i][j] = x;
        else a[j][i] = x;
      }
    }
    double[][] q = Householder.orthonormalColumns(a, n);
    float[] d = t.data();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) d[i * cols + j] = (float) (gain * (wide ? q[i][j] : q[j][i]));
    }
  }
}
