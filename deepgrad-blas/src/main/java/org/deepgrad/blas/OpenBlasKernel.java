package org.deepgrad.blas;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Which of OpenBLAS's kernel sets runs here. The presets' library is a DYNAMIC_ARCH build: at load it
 * picks one table of kernels ({@code gotoblas_HASWELL}, {@code gotoblas_SKYLAKEX}, ...) for the
 * processor, or the one {@code OPENBLAS_CORETYPE} names, and points its global {@code gotoblas} at
 * it. The presets do not map {@code openblas_get_corename()}, and a function cannot be called through
 * a bare address on Java 17, but both symbols can be read: the table in use is the one whose address
 * {@code gotoblas} holds. So the name is the library's own choice, not inferred from CPU flags.
 */
final class OpenBlasKernel {
  /** The kernel tables of OpenBLAS 0.3's DYNAMIC_ARCH builds for x86-64 and arm64. */
  private static final String[] TABLES = {
      "SAPPHIRERAPIDS", "COOPERLAKE", "SKYLAKEX", "HASWELL", "ZEN", "SANDYBRIDGE", "NEHALEM", "CORE2",
      "PENRYN", "DUNNINGTON", "ATOM", "PRESCOTT", "NORTHWOOD", "BANIAS", "KATMAI", "COPPERMINE", "ATHLON",
      "OPTERON", "OPTERON_SSE3", "BARCELONA", "BOBCAT", "BULLDOZER", "PILEDRIVER", "STEAMROLLER", "EXCAVATOR",
      "ARMV8", "CORTEXA53", "CORTEXA55", "CORTEXA57", "CORTEXA72", "CORTEXA73", "FALKOR", "THUNDERX",
      "THUNDERX2T99", "THUNDERX3T110", "TSV110", "EMAG8180", "NEOVERSEN1", "NEOVERSEN2", "NEOVERSEV1",
      "NEOVERSEV2", "A64FX", "ARMV8SVE", "VORTEX"};

  private OpenBlasKernel() {}

  /** The library's version, e.g. {@code OpenBLAS 0.3.30}: the presets' on the class path, not the one compiled against. */
  static String version() {
    return constant("OPENBLAS_VERSION").trim();
  }

  /**
   * The kernel table in use, e.g. {@code COOPERLAKE}; for a build without DYNAMIC_ARCH the one it was
   * built for; null when the table in use is none of those known here.
   */
  static String name() {
    Pointer current = Loader.addressof("gotoblas");
    if (current == null) return constant("OPENBLAS_CHAR_CORENAME");
    long table = new PointerPointer<>(current).get(0).address();
    for (String name : TABLES) {
      Pointer p = Loader.addressof("gotoblas_" + name);
      if (p != null && p.address() == table) return name;
    }
    return null;
  }

  /** A string constant of the presets' class, read when run (javac would copy the one compiled against). */
  private static String constant(String name) {
    try {
      return (String) openblas_nolapack.class.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("org.bytedeco.openblas has no " + name, e);
    }
  }
}
