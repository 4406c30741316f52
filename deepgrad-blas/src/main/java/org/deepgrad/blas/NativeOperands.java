package org.deepgrad.blas;

import org.bytedeco.javacpp.FloatPointer;

/**
 * Native copies of one calling thread's gemm operands, kept between calls and grown as needed (freed
 * when the thread ends). Only the span a matrix occupies is copied: from its first element to its
 * last, {@code (rows - 1) ld + cols} floats, row gaps included.
 */
final class NativeOperands {
  private static final ThreadLocal<NativeOperands> PER_THREAD = ThreadLocal.withInitial(NativeOperands::new);

  private FloatPointer a;
  private FloatPointer b;
  private FloatPointer c;
  private FloatPointer view;

  private NativeOperands() {}

  static NativeOperands ofThisThread() {
    return PER_THREAD.get();
  }

  /** Elements from a stored rows x cols matrix's first to its last. */
  static long span(int rows, int cols, int ld) {
    return rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
  }

  FloatPointer a(float[] x, int offset, long span) {
    return a = copyIn(a, x, offset, span);
  }

  FloatPointer b(float[] x, int offset, long span) {
    return b = copyIn(b, x, offset, span);
  }

  /** The B buffer, holding at least {@code span} floats, left as it is (for a copy shared among threads). */
  FloatPointer sharedB(long span) {
    return b = fit(b, span);
  }

  /** C's buffer; its old values are copied in only when {@code read}. */
  FloatPointer c(float[] x, int offset, long span, boolean read) {
    return c = read ? copyIn(c, x, offset, span) : fit(c, span);
  }

  /**
   * This thread's own pointer to another thread's buffer (its position is this thread's to move): made
   * anew only when the buffer is another one.
   */
  FloatPointer view(FloatPointer shared) {
    if (view == null || view.address() != shared.address() || view.capacity() != shared.capacity()) {
      view = new FloatPointer(shared);
    }
    return view.position(0);
  }

  /** Copies elements {@code [from, to)} of the span that starts at {@code x[offset]} into the shared buffer. */
  void copyPart(FloatPointer shared, float[] x, int offset, long from, long to) {
    if (to > from) view(shared).position(from).put(x, offset + (int) from, (int) (to - from));
  }

  private static FloatPointer copyIn(FloatPointer p, float[] x, int offset, long span) {
    FloatPointer q = fit(p, span);
    if (span > 0) q.put(x, offset, (int) span);
    return q.position(0);
  }

  /** p when it holds {@code span} floats, else a new buffer (the old one is freed now, not by GC). */
  private static FloatPointer fit(FloatPointer p, long span) {
    if (p != null && p.capacity() >= span) return p.position(0);
    if (p != null) p.close();
    return new FloatPointer(Math.max(span, 1));
  }
}
