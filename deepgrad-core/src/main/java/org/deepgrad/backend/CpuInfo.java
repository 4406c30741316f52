package org.deepgrad.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A one-line description of this machine's processor, for benchmark output: the model name, vendor,
 * family and model numbers and the widest vector extension, from Linux's {@code /proc/cpuinfo}
 * (a virtual machine may report only a brand, such as "AMD EPYC", which the family and model then
 * pin down), else the JVM's architecture name.
 */
public final class CpuInfo {
  private CpuInfo() {}

  /** This machine's processor, for example {@code AMD EPYC (AuthenticAMD family 26 model 2, AVX-512), 2 processors}. */
  public static String describe() {
    int processors = Runtime.getRuntime().availableProcessors();
    try {
      return describe(Files.readAllLines(Path.of("/proc/cpuinfo")), processors);
    } catch (IOException | RuntimeException e) {
      return describe(List.of(), processors);
    }
  }

  /** The description read from the lines of a {@code /proc/cpuinfo} (its first processor's entries). */
  static String describe(List<String> cpuinfo, int processors) {
    String name = field(cpuinfo, "model name");
    String vendor = field(cpuinfo, "vendor_id");
    String family = field(cpuinfo, "cpu family");
    String model = field(cpuinfo, "model");
    String flags = " " + field(cpuinfo, "flags") + " ";
    String simd = flags.contains(" avx512f ") ? "AVX-512" : flags.contains(" avx2 ") ? "AVX2"
        : flags.contains(" avx ") ? "AVX" : null;
    StringBuilder s = new StringBuilder(name != null ? name : System.getProperty("os.arch", "unknown processor"));
    StringBuilder detail = new StringBuilder();
    if (vendor != null) detail.append(vendor);
    if (family != null) detail.append(detail.length() > 0 ? " " : "").append("family ").append(family);
    if (model != null) detail.append(detail.length() > 0 ? " " : "").append("model ").append(model);
    if (simd != null) detail.append(detail.length() > 0 ? ", " : "").append(simd);
    if (detail.length() > 0) s.append(" (").append(detail).append(')');
    return s.append(String.format(Locale.ROOT, ", %d processor%s", processors, processors == 1 ? "" : "s")).toString();
  }

  /** The value of the first line {@code key : value}, or null. */
  private static String field(List<String> lines, String key) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
        String value = line.substring(colon + 1).trim();
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }
}
