package org.deepgrad.cli;

/**
 * Bad usage or bad input that the user can fix: an unknown key or flag, a value out of range, a
 * missing file. {@link Failures} reports it as one paragraph on stderr and exits with
 * {@link Failures#BAD_INPUT} (2), without a stack trace unless {@code --verbose} is given.
 */
public class UsageException extends RuntimeException {

  /** A problem described by {@code message}: what is wrong, where, and how to fix it. */
  public UsageException(String message) {
    super(message);
  }

  /** As {@link #UsageException(String)}, keeping the lower-level cause for {@code --verbose}. */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
