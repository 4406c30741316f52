package org.deepgrad.backend;

/** The pure-Java backend: needs nothing outside the JDK. */
public final class JavaBackend implements Backend {
  private int threads = 1;

  @Override
  public String name() {
    return "java";
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    for (int i = 0; i < m; i++) {
      int cRow = cOffset + i * ldc;
      for (int j = 0; j < n; j++) c[cRow + j] = beta == 0f ? 0f : beta * c[cRow + j];
      for (int p = 0; p < k; p++) {
        float av = alpha * (transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p]);
        if (transB) {
          for (int j = 0; j < n; j++) c[cRow + j] += av * b[bOffset + j * ldb + p];
        } else {
          int bRow = bOffset + p * ldb;
          for (int j = 0; j < n; j++) c[cRow + j] += av * b[bRow + j];
        }
      }
    }
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public void setThreads(int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    this.threads = threads;
  }
}
