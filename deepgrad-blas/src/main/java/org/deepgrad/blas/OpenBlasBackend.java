package org.deepgrad.blas;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Gemm;
import org.deepgrad.backend.GemmArgs;
import org.deepgrad.backend.Parallel;

/**
 * gemm by OpenBLAS's {@code cblas_sgemm} (row-major), through the JavaCPP presets
 * ({@code org.bytedeco:openblas}).
 *
 * <p>How the arrays reach native code. On Java 22 and later, in place: {@link HeapSgemm} hands OpenBLAS
 * the heap arrays themselves through the foreign-function API, with no copy at all. Before Java 22
 * they are copied, as follows (measured on 2 Xeon (Sapphire Rapids) cores, one thread:
 * the presets' {@code float[]} overload copies every array whole, in and out, on every call
 * (HotSpot's GetFloatArrayElements) and takes no offsets; it is the faster way for small arrays
 * (23 vs 10 GFLOP/s at 16 x 16 x 16, 60 vs 44 at 32), so arrays of at most {@value #SMALL} floats in all,
 * at offset 0, go that way. Larger operands are copied, only the span each matrix occupies, into
 * native buffers kept per calling thread ({@link NativeOperands}), and C's span is copied back:
 * 138 vs 100 GFLOP/s at 512, and no whole-array copy when a batch of products walks one large array.
 *
 * <p>Threads: OpenBLAS runs single-threaded; with {@code threads} &gt; 1 a product large enough is
 * cut into blocks of C's rows run at once on deepgrad's threads ({@link RowBlocks}), and two independent
 * products ({@link #gemmPair}) run at once. Each element of C is then computed by the same
 * single-threaded kernel whatever the thread count. A call made from inside a split task (another
 * product's block, the other half of a pair) runs on its own thread, unsplit.
 */
public final class OpenBlasBackend implements Backend {
  /** Total length of A, B and C below which the whole-array {@code float[]} call is the faster one. */
  static final int SMALL = 8192;
  /** netlib-java's property naming the BLAS library it loads ({@link #shareWithNetlib}). */
  static final String NETLIB_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
  /** Whether OpenBLAS has been told to use one thread (it is process-wide). */
  private static volatile boolean singleThreaded;

  private volatile int threads;

  /** Loads the native library; throws {@link IllegalStateException} when it cannot be loaded here. */
  OpenBlasBackend() {
    try {
      shareWithNetlib(Loader.load(openblas_nolapack.class));
      threads = Math.max(1, openblas_nolapack.blas_get_num_threads());
    } catch (RuntimeException | LinkageError e) {
      String platform = platform();
      throw new IllegalStateException("OpenBLAS native library could not be loaded (" + e + "); the class path "
          + "needs the org.bytedeco openblas and javacpp jars with classifier " + platform + " (deepgrad-blas "
          + "brings linux-x86_64; build with -Djavacpp.platform=" + platform + " elsewhere), "
          + "or use -Ddeepgrad.backend=java", e);
    }
  }

  /**
   * Points netlib-java (the BLAS of Spark MLlib and Breeze), should it start in this JVM, at this
   * OpenBLAS instead of the system's {@code libblas.so.3}: with Debian's OpenBLAS installed as that,
   * MLlib's first {@code daxpy} after this library had loaded crashed the JVM in this library's code (two
   * OpenBLAS builds in one process share symbol names). A path the user set is kept.
   */
  private static void shareWithNetlib(String loaded) {
    if (loaded == null || System.getProperty(NETLIB_PATH) != null) return;
    Path library = Path.of(loaded).resolveSibling("libopenblas_nolapack.so.0");
    System.setProperty(NETLIB_PATH, (Files.isRegularFile(library) ? library : Path.of(loaded)).toString());
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

  /**
   * The library's version, the kernel table it picked and how the arrays reach it, e.g.
   * {@code OpenBLAS 0.3.30, kernel COOPERLAKE, arrays passed in place}.
   */
  @Override
  public String describe() {
    String kernel = OpenBlasKernel.name();
    return OpenBlasKernel.version() + ", kernel " + (kernel == null ? "unknown" : kernel)
        + (HeapSgemm.SGEMM != null ? ", arrays passed in place" : ", arrays copied to native memory");
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    GemmArgs.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    if (m == 0 || n == 0) return;
    // CBLAS rejects ld = 0, which GemmArgs allows for an empty A or B (k = 0); neither is then read.
    lda = Math.max(1, lda);
    ldb = Math.max(1, ldb);
    int parts = Parallel.inTask() || k == 0 ? 1 : RowBlocks.parts(threads, m, n, k);
    if (parts == 1) {
      sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    } else {
      RowBlocks.ofThisThread().run(parts, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
          beta, c, cOffset, ldc);
    }
  }

  /** With two threads or more, both products at once, each over half the threads ({@link RowBlocks}). */
  @Override
  public void gemmPair(Gemm first, Gemm second) {
    first.check();
    second.check();
    if (threads == 1 || Parallel.inTask()) {
      Backend.super.gemmPair(first, second);
    } else {
      RowBlocks.ofThisThread().runPair(this, threads, first, second);
    }
  }

  /** One single-threaded cblas_sgemm call on checked arguments (operands in place, or copied). */
  static void sgemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda,
      float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    singleThreaded();
    int transposeA = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    int transposeB = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    if (HeapSgemm.SGEMM != null && a != null && b != null) {
      HeapSgemm.Segments segments = HeapSgemm.Segments.ofThisThread();
      try {
        HeapSgemm.SGEMM.invokeExact(openblas_nolapack.CblasRowMajor, transposeA, transposeB, m, n, k, alpha,
            segments.of(a, aOffset), lda, segments.of(b, bOffset), ldb, beta, segments.of(c, cOffset), ldc);
      } catch (Throwable t) {
        throw new IllegalStateException("cblas_sgemm through the foreign-function API failed", t);
      }
      return;
    }
    if ((aOffset | bOffset | cOffset) == 0 && (long) length(a) + length(b) + c.length <= SMALL) {
      openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, transposeA, transposeB,
          m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
      return;
    }
    FloatPointer pb = NativeOperands.ofThisThread().b(b, bOffset, spanOfB(transB, n, k, ldb));
    sgemm(transA, transB, m, n, k, alpha, a, aOffset, lda, pb, ldb, beta, c, cOffset, ldc);
  }

  /** Elements of the stored B, from its first to its last. */
  static long spanOfB(boolean transB, int n, int k, int ldb) {
    return NativeOperands.span(transB ? n : k, transB ? k : n, ldb);
  }

  /** As {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int)} with B already in native memory: A and C are copied. */
  static void sgemm(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda,
      FloatPointer pb, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    singleThreaded();
    NativeOperands ops = NativeOperands.ofThisThread();
    FloatPointer pa = ops.a(a, aOffset, NativeOperands.span(transA ? k : m, transA ? m : k, lda));
    long cSpan = NativeOperands.span(m, n, ldc);
    // C's whole span goes back, row gaps too, so it must come in when gaps exist, not only when beta reads it.
    FloatPointer pc = ops.c(c, cOffset, cSpan, beta != 0f || ldc != n);
    openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
        transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
        transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
        m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    pc.get(c, cOffset, (int) cSpan);
  }

  /** An operand may be null when it has no elements (k == 0). */
  private static int length(float[] x) {
    return x == null ? 0 : x.length;
  }

  /** OpenBLAS's own threads stay off: {@link RowBlocks} splits the work over deepgrad's threads. */
  private static void singleThreaded() {
    if (!singleThreaded) {
      synchronized (OpenBlasBackend.class) {
        openblas_nolapack.blas_set_num_threads(1);
        singleThreaded = true;
      }
    }
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public void setThreads(int threads) {
    this.threads = Backend.validThreads(threads);
  }
}
