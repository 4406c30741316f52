package org.deepgrad.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model or checkpoint file is malformed, unsupported or corrupt. The message starts with the file
 * and names the tensor or field, the problem and, where there is one, the fix.
 *
 * <p>Checked, as a subclass of {@link IOException} (like {@code java.util.zip.ZipException}): a bad
 * file is a fact about the input, not a bug in the caller, and every caller that reads a file
 * already handles {@code IOException}, so a corrupt checkpoint is reported, or skipped for an older
 * one, by the same {@code catch} that handles a missing file.
 */
public class ModelFileException extends IOException {
  private final transient Path file;

  /** A problem with {@code file}; the message becomes {@code "<file>: <problem>"}. */
  public ModelFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** As {@link #ModelFileException(Path, String)}, keeping the lower-level cause. */
  public ModelFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file the problem was found in. */
  public Path file() {
    return file;
  }
}
