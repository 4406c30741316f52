package org.deepgrad.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks on a path given where a command reads a file or a directory, with a message that says
 * what the path is instead: missing, a directory where a file is expected (or the reverse), a device
 * or a pipe ({@code /dev/zero} would never end), unreadable.
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * Fails unless {@code p} is a readable regular file; {@code what} names the argument before the path
   * in the message, e.g. {@code --input} or {@code config file}.
   */
  static void requireFile(String what, Path p) {
    String problem = Files.isRegularFile(p) ? (Files.isReadable(p) ? null : "cannot be read (permission denied)")
        : Files.isDirectory(p) ? "is a directory, not a file"
        : Files.exists(p) ? "is not a regular file (a device, a pipe or a socket)"
        : "does not exist (" + p.toAbsolutePath() + ")";
    if (problem != null) throw new UsageException(what + " " + p + " " + problem + "; give the path of a file.");
  }

  /** Fails unless {@code p} is a directory; {@code what} names the argument before the path. */
  static void requireDirectory(String what, Path p) {
    if (Files.isDirectory(p)) return;
    throw new UsageException(what + " " + p + " " + (Files.exists(p) ? "is a file, not a directory"
        : "does not exist (" + p.toAbsolutePath() + ")") + "; give the path of a directory.");
  }
}
