package org.deepgrad.blas;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

/**
 * {@code cblas_sgemm} called on the Java arrays themselves, with no copy into native memory, through
 * the foreign-function API of Java 22 and later: a downcall linked with {@code Linker.Option.critical(true)}
 * may take heap memory segments, so OpenBLAS reads A and B and writes C where they lie (the garbage
 * collector waits for the call, as for JNI's critical arrays). The project compiles for Java 17, which
 * lacks that API, so the call is bound here through reflection and method handles when the running
 * JVM has it; on Java 17 to 21 {@link #SGEMM} is null and {@link NativeOperands} copies instead. Both
 * routes give OpenBLAS the same numbers, so the bits do not depend on the Java version
 * (HeapSgemmTest; RowBlocksTest and BackendParityTest run whichever route the JVM takes).
 *
 * <p>The segments (typed {@code Object} here, {@code MemorySegment} in the handle) come from
 * {@link Segments}, each thread's small cache of the segments it made, so that a call allocates
 * nothing: the JIT removes freshly made segments only once it has profiled the slicing call, which
 * took thousands of training steps.
 */
final class HeapSgemm {
  /**
   * {@code (order, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) -> void} with the
   * matrices as heap segments ({@link Segments#of}), or null where the JVM cannot pass heap arrays to
   * native code (before Java 22; or {@code -Ddeepgrad.blas.copy=true}, to measure the copying route).
   */
  static final MethodHandle SGEMM;
  /** {@code (float[] x, int offset) -> MemorySegment.ofArray(x).asSlice(4L * offset)}, as an Object; null with SGEMM. */
  private static final MethodHandle SLICE;

  static {
    MethodHandle[] handles = bind();
    SGEMM = handles == null ? null : handles[0];
    SLICE = handles == null ? null : handles[1];
  }

  private HeapSgemm() {}

  /** Offset of element {@code floats} in bytes. */
  private static long bytes(int floats) {
    return 4L * floats;
  }

  private static MethodHandle[] bind() {
    if (Runtime.version().feature() < 22 || Boolean.getBoolean("deepgrad.blas.copy")) return null;
    Pointer address = Loader.addressof("cblas_sgemm");
    if (address == null || address.isNull()) return null;
    try {
      Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
      Class<?> layout = Class.forName("java.lang.foreign.MemoryLayout");
      Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
      Class<?> descriptor = Class.forName("java.lang.foreign.FunctionDescriptor");
      Class<?> linker = Class.forName("java.lang.foreign.Linker");
      Class<?> option = Class.forName("java.lang.foreign.Linker$Option");
      Object i = valueLayout.getField("JAVA_INT").get(null);
      Object f = valueLayout.getField("JAVA_FLOAT").get(null);
      Object p = valueLayout.getField("ADDRESS").get(null);
      // void cblas_sgemm(order, transA, transB, m, n, k, alpha, *a, lda, *b, ldb, beta, *c, ldc)
      Object[] args = {i, i, i, i, i, i, f, p, i, p, i, f, p, i};
      Object layouts = Array.newInstance(layout, args.length);
      for (int a = 0; a < args.length; a++) Array.set(layouts, a, args[a]);
      Object function = descriptor.getMethod("ofVoid", layouts.getClass()).invoke(null, layouts);
      Object options = Array.newInstance(option, 1);
      Array.set(options, 0, option.getMethod("critical", boolean.class).invoke(null, true));
      Object symbol = segment.getMethod("ofAddress", long.class).invoke(null, address.address());
      Object nativeLinker = linker.getMethod("nativeLinker").invoke(null);
      MethodHandle call = (MethodHandle) linker.getMethod("downcallHandle", segment, descriptor, options.getClass())
          .invoke(nativeLinker, symbol, function, options);
      MethodType objects = call.type().changeParameterType(7, Object.class).changeParameterType(9, Object.class)
          .changeParameterType(12, Object.class);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodHandle ofArray = lookup.findStatic(segment, "ofArray", methodType(segment, float[].class));
      MethodHandle asSlice = lookup.findVirtual(segment, "asSlice", methodType(segment, long.class));
      MethodHandle bytes = MethodHandles.lookup().findStatic(HeapSgemm.class, "bytes", methodType(long.class, int.class));
      MethodHandle slice = MethodHandles.filterArguments(MethodHandles.collectArguments(asSlice, 0, ofArray), 1, bytes);
      return new MethodHandle[] {call.asType(objects), slice.asType(methodType(Object.class, float[].class, int.class))};
    } catch (ReflectiveOperationException | RuntimeException e) { // a JVM whose foreign-function API differs: copy
      return null;
    }
  }

  /**
   * One thread's heap segments, by array and offset: the last {@value #SIZE} made, found again by
   * identity. Entries hold their array and segment through weak references, so the cache keeps no
   * array alive; after a garbage collection clears them, a segment is made again. A step of the
   * 11-layer MLP on two threads uses about a hundred (array, offset) pairs per thread, cycling, so the
   * cache holds more than that: with 64 entries it was evicted every step (1.4 KB a step on one thread,
   * 6 KB on two).
   */
  static final class Segments {
    private static final int SIZE = 256; // a power of two: the search wraps by masking
    private static final ThreadLocal<Segments> PER_THREAD = ThreadLocal.withInitial(Segments::new);

    @SuppressWarnings("unchecked")
    private final java.lang.ref.WeakReference<float[]>[] arrays = new java.lang.ref.WeakReference[SIZE];
    @SuppressWarnings("unchecked")
    private final java.lang.ref.WeakReference<Object>[] segments = new java.lang.ref.WeakReference[SIZE];
    private final int[] offsets = new int[SIZE];
    private int next;
    /**
     * The slot found or filled last. A step asks for its segments in the order it first made them, so
     * the search starts after it and a hit usually costs one comparison, not a scan of the cache.
     */
    private int last = SIZE - 1;

    static Segments ofThisThread() {
      return PER_THREAD.get();
    }

    /** The segment of {@code x} from element {@code offset} on. */
    Object of(float[] x, int offset) {
      for (int n = 1; n <= SIZE; n++) {
        int i = (last + n) & (SIZE - 1);
        java.lang.ref.WeakReference<float[]> key = arrays[i];
        if (key != null && offsets[i] == offset && key.get() == x) {
          Object s = segments[i].get();
          if (s != null) {
            last = i;
            return s;
          }
        }
      }
      Object s;
      try {
        s = SLICE.invokeExact(x, offset);
      } catch (Throwable t) {
        throw new IllegalStateException("a heap segment of a float[] could not be made", t);
      }
      arrays[next] = new java.lang.ref.WeakReference<>(x);
      segments[next] = new java.lang.ref.WeakReference<>(s);
      offsets[next] = offset;
      last = next;
      next = (next + 1) % SIZE;
      return s;
    }
  }
}
