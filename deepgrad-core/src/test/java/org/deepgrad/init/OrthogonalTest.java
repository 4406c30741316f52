package org.deepgrad.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class OrthogonalTest {
  private static final double TOL = 1e-5; // float32 storage of double-precision Q

  @Test
  void tallMatrixHasOrthonormalColumnsScaledByGain() {
    Tensor w = Tensor.zeros(120, 40);
    Init.orthogonal(1.5).fill(w, new Rng(1));
    assertGram(w, 120, 40, true, 1.5 * 1.5);
  }

  @Test
  void wideMatrixHasOrthonormalRows() {
    Tensor w = Tensor.zeros(30, 90);
    Init.orthogonal(1).fill(w, new Rng(2));
    assertGram(w, 30, 90, false, 1);
  }

  @Test
  void squareMatrixIsOrthogonalBothWays() {
    Tensor w = Tensor.zeros(64, 64);
    Init.orthogonal(1).fill(w, new Rng(3));
    assertGram(w, 64, 64, true, 1);
    assertGram(w, 64, 64, false, 1);
  }

  @Test
  void higherRankIsFlattenedAfterTheFirstDimension() {
    Tensor w = Tensor.zeros(4, 3, 5); // viewed as 4 x 15: wide
    Init.orthogonal(2).fill(w, new Rng(4));
    assertGram(w, 4, 15, false, 4);
  }

  @Test
  void signCorrectedSoThatQtAIsUpperTriangularWithPositiveDiagonal() {
    // Q = A·R⁻¹ with diag(R) > 0 (torch's sign fix) means QᵀA = R. A is drawn, as the initializer
    // does, row-major from the same seed.
    int rows = 50;
    int cols = 20;
    Tensor a = Tensor.randn(new Rng(5), rows, cols);
    Tensor q = Tensor.zeros(rows, cols);
    Init.orthogonal(1).fill(q, new Rng(5));
    for (int i = 0; i < cols; i++) {
      for (int j = 0; j <= i; j++) {
        double r = 0;
        for (int k = 0; k < rows; k++) r += (double) q.get(k, i) * a.get(k, j);
        if (i == j) assertTrue(r > 0.1, "R[" + i + "][" + i + "] = " + r);
        else assertEquals(0, r, 1e-4, "R[" + i + "][" + j + "] below the diagonal");
      }
    }
  }

  @Test
  void rejectsVectorsAndBadGain() {
    assertThrows(ShapeException.class, () -> Init.orthogonal(1).fill(Tensor.zeros(5), new Rng(1)));
    assertThrows(IllegalArgumentException.class, () -> Init.orthogonal(0));
  }

  /** WᵀW (columns) or WWᵀ (rows) equals scale·I. */
  private static void assertGram(Tensor w, int rows, int cols, boolean columns, double scale) {
    float[] d = w.data();
    int k = columns ? cols : rows;
    int len = columns ? rows : cols;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double dot = 0;
        for (int t = 0; t < len; t++) {
          dot += columns ? (double) d[t * cols + i] * d[t * cols + j] : (double) d[i * cols + t] * d[j * cols + t];
        }
        assertEquals(i == j ? scale : 0, dot, TOL * scale, (columns ? "WᵀW" : "WWᵀ") + "[" + i + "][" + j + "]");
      }
    }
  }
}
