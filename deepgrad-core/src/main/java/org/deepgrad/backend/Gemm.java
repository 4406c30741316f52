package org.deepgrad.backend;

/**
 * The arguments of one {@link Backend#gemm} call, {@code C = alpha·op(A)·op(B) + beta·C}, held in a
 * reusable object so that two independent products can be handed to {@link Backend#gemmPair} without
 * allocating. {@link #set} fills it; {@link #release()} drops the arrays once the call is done.
 */
public final class Gemm {
  private boolean transA;
  private boolean transB;
  private int m;
  private int n;
  private int k;
  private float alpha;
  private float[] a;
  private int aOffset;
  private int lda;
  private float[] b;
  private int bOffset;
  private int ldb;
  private float beta;
  private float[] c;
  private int cOffset;
  private int ldc;

  /** Holds the arguments of {@link Backend#gemm}, unchecked (the backend checks them). */
  public Gemm set(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    this.transA = transA;
    this.transB = transB;
    this.m = m;
    this.n = n;
    this.k = k;
    this.alpha = alpha;
    this.a = a;
    this.aOffset = aOffset;
    this.lda = lda;
    this.b = b;
    this.bOffset = bOffset;
    this.ldb = ldb;
    this.beta = beta;
    this.c = c;
    this.cOffset = cOffset;
    this.ldc = ldc;
    return this;
  }

  /** This product on {@code backend}. */
  public void runOn(Backend backend) {
    backend.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
  }

  /** The rows of C from {@code from} to {@code to} as a product of their own on {@code backend}. */
  public void runRowsOn(Backend backend, int from, int to) {
    // Row r of op(A) is row r of A, or column r when A is stored transposed.
    backend.gemm(transA, transB, to - from, n, k, alpha, a, aOffset + (transA ? from : from * lda), lda,
        b, bOffset, ldb, beta, c, cOffset + from * ldc, ldc);
  }

  /** Drops the arrays, which are the caller's, so this object does not keep them alive. */
  public void release() {
    a = null;
    b = null;
    c = null;
  }

  /** Checks the arguments as {@link GemmArgs#check} does. */
  public void check() {
    GemmArgs.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
  }

  public int m() {
    return m;
  }

  public int n() {
    return n;
  }

  public int k() {
    return k;
  }
}
