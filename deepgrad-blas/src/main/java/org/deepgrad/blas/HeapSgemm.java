package org.deepgrad.blas;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Array;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

/**
 * {@code cblas_sgemm} called on the Java arrays themselves, with no copy into native memory, through
 * the foreign-function API of Java 22 and later: a downcall linked with {@code Linker.Option.critical(true)}
 * may take heap memory segments, so OpenBLAS reads A and B and writes C where they lie (the garbage
 * collector waits for the call, as for JNI's critical arrays). The project compiles for Java 17, which
 * lacks that API, so the call is bound here through reflection and method-handle combinators when the
 * running JVM has it: {@link #SGEMM} takes each matrix as an array and an offset, and turns them
 * into a heap segment sliced at the offset. On Java 17 to 21 {@link #SGEMM} is null and
 * {@link NativeOperands} copies instead. Both routes give OpenBLAS the same numbers, so the bits do
 * not depend on the Java version (RowBlocksTest and BackendParityTest run either one).
 */
final class HeapSgemm {
  /**
   * {@code (order, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc) -> void}
   * with {@code float[]} matrices, or null where the JVM cannot pass heap arrays to native code.
   */
  static final MethodHandle SGEMM = bind();

  private HeapSgemm() {}

  /** Offset of element {@code floats} in bytes. */
  private static long bytes(int floats) {
    return 4L * floats;
  }

  private static MethodHandle bind() {
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
      // (float[] x, int offset) -> MemorySegment.ofArray(x).asSlice(4L * offset)
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodHandle ofArray = lookup.findStatic(segment, "ofArray", methodType(segment, float[].class));
      MethodHandle asSlice = lookup.findVirtual(segment, "asSlice", methodType(segment, long.class));
      MethodHandle bytes = MethodHandles.lookup().findStatic(HeapSgemm.class, "bytes", methodType(long.class, int.class));
      MethodHandle slice = MethodHandles.filterArguments(MethodHandles.collectArguments(asSlice, 0, ofArray), 1, bytes);
      call = MethodHandles.collectArguments(call, 7, slice);  // a, aOffset at 7, 8
      call = MethodHandles.collectArguments(call, 10, slice); // b, bOffset at 10, 11
      return MethodHandles.collectArguments(call, 14, slice); // c, cOffset at 14, 15
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // a JVM whose foreign-function API differs: copy instead
    }
  }
}
