package org.deepgrad.init;

/** The Q factor of a Householder QR, sign-corrected as torch.nn.init.orthogonal_ does. */
final class Householder {
  private Householder() {}

  /**
   * For a tall n×m matrix given by columns ({@code a[j]} is column j, n ≥ m; overwritten), the n×m Q
   * of A = QR with each column k multiplied by sign(R[k][k]): the unique Q whose R has a positive
   * diagonal (a zero R[k][k], which has probability 0, gives a zero column, as torch's sign(0) = 0).
   */
  static double[][] orthonormalColumns(double[][] a, int n) {
    int m = a.length;
    double[][] v = new double[m][];
    double[] diag = new double[m];
    for (int k = 0; k < m; k++) {
      double[] x = a[k];
      double norm = 0;
      for (int i = k; i < n; i++) norm += x[i] * x[i];
      norm = Math.sqrt(norm);
      if (norm == 0) continue; // nothing to reflect; diag[k] stays 0
      diag[k] = x[k] >= 0 ? -norm : norm; // the sign opposite to x[k] avoids cancellation in v
      double[] vk = new double[n];
      for (int i = k; i < n; i++) vk[i] = x[i];
      vk[k] -= diag[k];
      double scale = 1 / Math.sqrt(norm * (norm + Math.abs(x[k]))); // vᵀv was 2·norm·(norm + |x[k]|)
      for (int i = k; i < n; i++) vk[i] *= scale; // now vᵀv = 2, so H = I - v·vᵀ
      v[k] = vk;
      for (int j = k + 1; j < m; j++) reflect(vk, a[j], k, n);
    }
    // Q = H0·H1·…·H(m-1) applied to the first m columns of I; columns j < k are untouched by H(k).
    double[][] q = new double[m][n];
    for (int j = 0; j < m; j++) q[j][j] = 1;
    for (int k = m - 1; k >= 0; k--) {
      if (v[k] == null) continue;
      for (int j = k; j < m; j++) reflect(v[k], q[j], k, n);
    }
    for (int k = 0; k < m; k++) {
      double s = Math.signum(diag[k]);
      for (int i = 0; i < n; i++) q[k][i] *= s;
    }
    return q;
  }

  /** y ← (I - v·vᵀ)·y for vᵀv = 2, on rows from..n-1 (v is zero above {@code from}). */
  private static void reflect(double[] v, double[] y, int from, int n) {
    double vy = 0;
    for (int i = from; i < n; i++) vy += v[i] * y[i];
    for (int i = from; i < n; i++) y[i] -= vy * v[i];
  }
}
