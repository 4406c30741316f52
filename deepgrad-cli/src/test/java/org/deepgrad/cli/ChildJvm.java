package org.deepgrad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a {@code deepgrad} JVM of its own, for tests that need a real process (killed,
 * short of heap, short of disk, holding a lock): this JVM's java and class path, the serial collector, and
 * native access enabled as the jar's manifest enables it for {@code ./deepgrad} (Java 24 and later
 * otherwise warn on standard error when OpenBLAS loads).
 */
final class ChildJvm {
  private ChildJvm() {}

  /** {@code java -Xmx<heap> ... org.deepgrad.cli.Main ARGS}, as a list the caller may extend. */
  static List<String> deepgrad(String heap, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }
}
