package org.deepgrad.blas;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.GemmArgs;

/**
 * gemm by OpenBLAS's {@code cblas_sgemm} (row-major), through the JavaCPP presets
 * ({@code org.bytedeco:openblas}).
 *
 * <p>How the arrays reach native code, measured on 2 Xeon (Sapphire Rapids) cores, one thread:
 * the presets' {@code float[]} overload copies every array whole, in and out, on every call
 * (HotSpot's GetFloatArrayElements) and takes no offsets; it is the faster way for small arrays
 * (23 vs 10 GFLOP/s at 16 x 16 x 16, 60 vs 44 at 32), so arrays of at most {@value #SMALL} floats in all,
 * at offset 0, go that way. Larger operands are copied, only the span each matrix occupies, into
 * native buffers kept per calling thread, and C's span is copied back: 138 vs 100 GFLOP/s at 512, and
 * no whole-array copy when a batch of products walks one large array.
 *
 * <p>Threads: OpenBLAS has one process-wide thread count ({@code openblas_set_num_threads}); each call
 * sets it to this backend's count when it differs from the last one set. Calls from several Java
 * threads on backends with different counts may therefore run with either count.
 */
public final class OpenBlasBackend implements Backend {
  /** Total length of A, B and C below which the whole-array {@code float[]} call is the faster one. */
  static final int SMALL = 8192;
  /** The count last given to OpenBLAS, shared by every instance; 0 before the first call. */
  private static int appliedThreads;
  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private volatile int threads;

  /** Loads the native library; throws {@link IllegalStateException} when it cannot be loaded here. */
  OpenBlasBackend() {
    try {
      Loader.load(openblas_nolapack.class);
      threads = Math.max(1, openblas_nolapack.blas_get_num_threads());
    } catch (RuntimeException | LinkageError e) {
      String platform = platform();
      throw new IllegalStateException("OpenBLAS native library could not be loaded (" + e + "); the class path "
          + "needs the org.bytedeco openblas and javacpp jars with classifier " + platform + " (deepgrad-blas "
          + "brings linux-x86_64; build with -Djavacpp.platform=" + platform + " elsewhere), "
          + "or use -Ddeepgrad.backend=java", e);
    }
  }

  private static String platform() {
    try {
      return Loader.getPlatform();
    } catch (LinkageError e) {
      return System.getProperty("os.name") + "-" + System.getProperty("os.arch");
    }
  }

  @Override
  public String name() {
    return "openblas";
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    GemmArgs.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    if (m == 0 || n == 0) return;
    applyThreads(threads);
    int transposeA = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    int transposeB = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    // CBLAS rejects ld = 0, which GemmArgs allows for an empty A or B (k = 0); neither is then read.
    lda = Math.max(1, lda);
    ldb = Math.max(1, ldb);
    if ((aOffset | bOffset | cOffset) == 0 && (long) length(a) + length(b) + c.length <= SMALL) {
      openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, transposeA, transposeB,
          m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
      return;
    }
    Buffers buf = BUFFERS.get();
    FloatPointer pa = buf.a = copyIn(buf.a, a, aOffset, span(transA ? k : m, transA ? m : k, lda));
    FloatPointer pb = buf.b = copyIn(buf.b, b, bOffset, span(transB ? n : k, transB ? k : n, ldb));
    long cSpan = span(m, n, ldc);
    // Row gaps of C go back too, so they must come in whenever they exist, not only when beta reads C.
    boolean readC = beta != 0f || ldc != n;
    FloatPointer pc = buf.c = readC ? copyIn(buf.c, c, cOffset, cSpan) : fit(buf.c, cSpan);
    openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, transposeA, transposeB,
        m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    pc.position(0).get(c, cOffset, (int) cSpan);
  }

  /** An operand may be null when it has no elements (k == 0). */
  private static int length(float[] x) {
    return x == null ? 0 : x.length;
  }

  /** Elements from a stored rows x cols matrix's first to its last: (rows - 1) ld + cols. */
  private static long span(int rows, int cols, int ld) {
    return rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
  }

  private static FloatPointer copyIn(FloatPointer p, float[] x, int offset, long span) {
    FloatPointer q = fit(p, span);
    if (span > 0) q.position(0).put(x, offset, (int) span);
    return q.position(0);
  }

  /** p when it holds {@code span} floats, else a new buffer (the old one is freed now, not by GC). */
  private static FloatPointer fit(FloatPointer p, long span) {
    if (p != null && p.capacity() >= span) return p.position(0);
    if (p != null) p.close();
    return new FloatPointer(Math.max(span, 1));
  }

  private static synchronized void applyThreads(int threads) {
    if (appliedThreads != threads) {
      openblas_nolapack.blas_set_num_threads(threads);
      appliedThreads = threads;
    }
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads + "; use 1 for single-threaded");
    }
    this.threads = threads;
  }

  /** Native copies of A, B and C for one Java thread, grown as needed, freed with the thread. */
  private static final class Buffers {
    FloatPointer a;
    FloatPointer b;
    FloatPointer c;
  }
}
