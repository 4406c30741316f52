package org.deepgrad.run.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks on a path given where a command reads a file or a directory, with a message that says
 * what the path is instead: missing, a directory where a file is expected (or the reverse), a device
 * or a pipe ({@code /dev/zero} would never end), unreadable.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * Fails unless {@code p} is a readable regular file; {@code what} names the argument before the path
   * in the message, e.g. {@code --input} or {@code config file}.
   */
  public static void requireFile(String what, Path p) {
    String problem = fileProblem(p);
    if (problem != null) throw new RunException(what + " " + p + ": " + problem + "; give the path of a file.");
  }

  /** What keeps {@code p} from being read as a file, or null when nothing does. */
  public static String fileProblem(Path p) {
    if (Files.isRegularFile(p)) return Files.isReadable(p) ? null : "cannot be read (permission denied)";
    if (Files.isDirectory(p)) return "is a directory, not a file";
    return Files.exists(p) ? "is not a regular file (a device, a pipe or a socket)" : "no such file: " + p.toAbsolutePath();
  }

  /** What keeps {@code p} from being read as a directory, or null when nothing does. */
  public static String directoryProblem(Path p) {
    if (Files.isDirectory(p)) return null;
    return Files.exists(p) ? "is a file, not a directory" : "no such directory: " + p.toAbsolutePath();
  }
}
