package org.deepgrad.train;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint that could not be written: a full disk, a file size limit, a directory that became
 * read-only or vanished. Checkpoints are written atomically ({@code io.AtomicFiles}) and older ones
 * pruned only after that, so the file was neither created nor damaged and the checkpoints written
 * before it are intact: the run can go on from them once the cause is fixed.
 */
public final class CheckpointWriteException extends IOException {
  private final transient Path file;

  /** The checkpoint {@code file} failed with {@code cause}, whose message says why. */
  public CheckpointWriteException(Path file, IOException cause) {
    super("cannot write the checkpoint " + file + " (" + cause.getMessage() + "); the checkpoints written before it"
        + " are intact", cause);
    this.file = file;
  }

  /** The checkpoint file that was not written. */
  public Path file() {
    return file;
  }
}
