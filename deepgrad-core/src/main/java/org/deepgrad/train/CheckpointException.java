package org.deepgrad.train;

import java.nio.file.Path;
import org.deepgrad.io.ModelFileException;

/**
 * A checkpoint cannot be used; the message starts with the file and says what is wrong and what to
 * do. {@link #kind()} tells a damaged file, which {@link Trainer#resume} passes over for an older
 * one, from one that is intact but belongs to another run, which it refuses.
 */
public class CheckpointException extends ModelFileException {

  /** What is wrong with the checkpoint. */
  public enum Kind {
    /** Not a readable deepgrad checkpoint: truncated, not safetensors, or entries missing or malformed. */
    UNREADABLE,
    /** The SHA-256 recorded in the file does not match its contents: it was damaged or changed. */
    CHECKSUM,
    /** Intact, but saved from another model (fingerprint), optimizer, data loader or format version. */
    INCOMPATIBLE,
    /** The directory holds no usable checkpoint. */
    NONE_FOUND
  }

  private final Kind kind;

  /** A problem of kind {@code kind} with {@code file}; the message becomes {@code "<file>: <problem>"}. */
  public CheckpointException(Path file, Kind kind, String problem) {
    super(file, problem);
    this.kind = kind;
  }

  /** As {@link #CheckpointException(Path, Kind, String)}, keeping the lower-level cause. */
  public CheckpointException(Path file, Kind kind, String problem, Throwable cause) {
    super(file, problem, cause);
    this.kind = kind;
  }

  /** What is wrong. */
  public Kind kind() {
    return kind;
  }
}
