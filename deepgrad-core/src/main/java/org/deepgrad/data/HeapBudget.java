package org.deepgrad.data;

import java.util.Locale;

/**
 * Whether a data set about to be loaded fits in the Java heap, asked before loading, so that a file
 * too large fails at once with the memory it needs instead of an {@link OutOfMemoryError} later.
 *
 * <p>The free heap is {@code maxMemory − (totalMemory − freeMemory)}: what the heap can still grow
 * into. Garbage counts as used there, so {@link #free} collects once ({@code System.gc()}) before it
 * answers less than asked: a refusal means the data does not fit even after a collection. The
 * readers ask with a lower bound of what loading holds at once, so they never refuse a file that would
 * have loaded; a file that passes can still run out of memory in training, which makes copies.
 */
final class HeapBudget {
  /** Deflate expands at most 1032:1 (zlib's technical details), so a gzip file of s bytes holds at most 1032·s. */
  static final long MAX_GZIP_RATIO = 1032;
  private static final long MIB = 1 << 20;
  private static final long GIB = 1 << 30;

  private HeapBudget() {}

  /** The free heap for a load of {@code needed} bytes: measured, and measured again after a collection if short. */
  static long free(long needed) {
    long free = measure();
    if (free >= needed) return free;
    System.gc();
    return measure();
  }

  private static long measure() {
    Runtime r = Runtime.getRuntime();
    return r.maxMemory() - (r.totalMemory() - r.freeMemory());
  }

  /**
   * The message refusing {@code file}, whose {@code contents} need {@code needed} bytes while only
   * {@code free} are free: the sizes, and the fix (a larger {@code -Xmx}, suggested as twice the
   * data on top of what is in use, since training copies it).
   */
  static String tooLarge(String file, String contents, long needed, long free) {
    Runtime r = Runtime.getRuntime();
    long inUse = r.totalMemory() - r.freeMemory();
    long suggest = Math.max(1, (inUse + 2 * needed + GIB - 1) / GIB);
    return String.format(Locale.ROOT, "%s: too large for the Java heap: loading it needs at least %,d bytes (%s: %s),"
        + " but only %,d bytes (%s) are free. Give Java a larger heap, e.g. -Xmx%dg: with the deepgrad launcher"
        + " DEEPGRAD_JAVA_OPTS=\"-Xmx%dg\" ./deepgrad ..., else java -Xmx%dg ...; or use a part of the file.",
        file, needed, human(needed), contents, free, human(free), suggest, suggest, suggest);
  }

  /** {@code 86 KiB}, {@code 374 MiB}, {@code 2.1 GiB}. */
  private static String human(long bytes) {
    if (bytes >= GIB) return String.format(Locale.ROOT, "%.1f GiB", (double) bytes / GIB);
    return bytes >= MIB ? bytes / MIB + " MiB" : bytes / 1024 + " KiB";
  }
}
