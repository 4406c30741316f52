package org.deepgrad.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Memory figures for {@code bench}: heap bytes allocated by every thread of the JVM (the caller and
 * the backend's worker pool alike), through {@code com.sun.management.ThreadMXBean}; and the
 * process's peak resident set ({@code VmHWM} in {@code /proc/self/status}, Linux only).
 */
final class BenchMemory {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private BenchMemory() {}

  /** Whether this JVM counts allocation per thread. */
  static boolean allocationSupported() {
    return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
  }

  /** Bytes each live thread has allocated so far, by thread id. */
  static Map<Long, Long> allocatedByThread() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> map = new HashMap<>();
    for (int i = 0; i < ids.length; i++) if (bytes[i] >= 0) map.put(ids[i], bytes[i]);
    return map;
  }

  /**
   * Bytes allocated between two {@link #allocatedByThread} snapshots, summed over threads; a thread
   * started in between counts from zero (one that ended in between is lost, which the worker pool's
   * 30 s idle timeout does not do within a window).
   */
  static long allocatedBetween(Map<Long, Long> before, Map<Long, Long> after) {
    long sum = 0;
    for (Map.Entry<Long, Long> e : after.entrySet()) sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    return sum;
  }

  /** The peak resident set size in bytes ({@code VmHWM}), or -1 where /proc/self/status has none. */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
