package org.deepgrad.run.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.deepgrad.run.config.RunException;

/**
 * Where the commands' writes fail as bad input rather than internal errors: a directory that cannot
 * be created, a file that cannot be written (a full disk, a file size limit, a read-only file
 * system). Each message names the file or directory, the cause and the fix, so the user can act.
 */
public final class Outputs {
  private Outputs() {}

  /** A write that may fail with an {@link IOException}. */
  public interface Write {
    void run() throws IOException;
  }

  /**
   * Runs {@code body}, which writes {@code what}; an I/O failure is bad input: "cannot write WHAT
   * (cause). FIX". A directory without write permission stays an {@link AccessDeniedException},
   * already bad input with its own message.
   */
  public static void write(String what, String fix, Write body) throws AccessDeniedException {
    try {
      body.run();
    } catch (AccessDeniedException e) {
      throw e;
    } catch (IOException e) {
      throw new RunException("cannot write " + what + " (" + reason(e) + "). " + fix, e);
    }
  }

  /**
   * Creates {@code dir} and its parents; a path that cannot be a directory (a file in the way, no
   * permission, a file system that takes no new directories) is bad input naming {@code flag}.
   */
  public static void createDirectory(Path dir, String flag) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (FileSystemException e) {
      throw new RunException("cannot create the output directory " + dir + " (" + (e.getFile() == null
          || e.getFile().equals(dir.toString()) ? "" : e.getFile() + ": ") + reason(e) + "); choose another directory with "
          + flag + " DIR.", e);
    }
  }

  /** Why {@code e} happened, in words: the system's reason, else one for its kind; never "null". */
  static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException) return "a file of that name is in the way";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    if (e instanceof NoSuchFileException) return "no such file or directory, or the file system takes no new ones here";
    if (e instanceof NotDirectoryException) return "not a directory";
    if (e instanceof FileSystemException) return "the file system refused it";
    return e.getMessage() == null ? "an I/O error" : e.getMessage();
  }
}
