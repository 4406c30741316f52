package org.deepgrad.run.config;

/**
 * Bad input to a run that the user can fix: an unknown key, a value out of range, a missing or
 * unreadable file, an output folder in use or holding another run, a run that diverged. The message
 * says what is wrong, where (the key, the flag that set it, the file) and how to fix it; the command
 * line reports it as one paragraph and exits with code 2.
 */
public class RunException extends RuntimeException {

  /** A problem described by {@code message}: what is wrong, where, and how to fix it. */
  public RunException(String message) {
    super(message);
  }

  /** As {@link #RunException(String)}, keeping the lower-level cause. */
  public RunException(String message, Throwable cause) {
    super(message, cause);
  }
}
