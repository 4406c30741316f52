package org.deepgrad.data;

import java.io.IOException;

/**
 * An IDX file (or a pair of them) that cannot be read as data: a wrong magic number, an unsupported
 * type, impossible dimensions, a length that does not match the header, a corrupt gzip stream, or
 * images and labels that do not belong together. The message names the file, the byte offset or
 * field, what was found, what was expected, and how to fix it.
 *
 * <p>It is a checked {@link IOException}, as {@link java.util.zip.ZipException} is: a malformed file
 * is a failed read of untrusted input, not a programming error. Callers that read files already
 * handle {@code IOException} (a missing file, a disk error), so a bad download lands in the same
 * {@code catch} and reaches the user as a message instead of a stack trace.
 */
public class IdxFormatException extends IOException {

  /** A format error with the full message (file, offset or field, found, expected, fix). */
  public IdxFormatException(String message) {
    super(message);
  }

  /** A format error caused by a lower-level failure, such as a corrupt gzip stream. */
  public IdxFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The standard message: "{file}, {where}: found {found}; expected {expected}. {fix}".
   *
   * @param gzip whether the file was gzipped: its offsets then count decompressed bytes
   */
  static IdxFormatException at(String file, boolean gzip, String where, String found, String expected, String fix) {
    return new IdxFormatException(file + (gzip ? " (gzip; offsets in the decompressed data)" : "") + ", "
        + where + ": found " + found + "; expected " + expected + ". " + fix);
  }
}
