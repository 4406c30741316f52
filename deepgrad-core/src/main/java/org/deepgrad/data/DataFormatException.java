package org.deepgrad.data;

import java.io.IOException;

/**
 * A data file (CSV) that cannot be read as data: a missing header or column, a ragged row, a value
 * that is not a finite number, a label out of range, a line too long. The message names the file,
 * the line and column (both from 1, as editors count), the offending text, what was expected and
 * the fix. A checked {@link IOException}, as {@link IdxFormatException}: bad input is a failed
 * read, not a programming error, and lands in the caller's existing {@code catch}.
 */
public class DataFormatException extends IOException {
  /** The file, as named in the message. */
  private final String file;
  /** The line from 1, or 0 for the whole file. */
  private final long line;
  /** The column from 1, or 0 for a whole line or file. */
  private final int column;

  /**
   * A format error at a place in a file.
   *
   * @param line the line from 1, or 0 when the problem is the whole file
   * @param column the column from 1, or 0 when the problem is a whole line
   */
  public DataFormatException(String file, long line, int column, String message) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** The file, as named in the message. */
  public String file() {
    return file;
  }

  /** The line from 1, or 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }

  /** The column from 1, or 0 when the problem concerns a whole line or file. */
  public int column() {
    return column;
  }

  /** The standard message: "{file}, line {l}, column {c} ({what}): found {found}; expected {expected}. {fix}". */
  static DataFormatException at(String file, long line, int column, String what, String found, String expected,
      String fix) {
    String where = line == 0 ? "" : ", line " + line + (column == 0 ? "" : ", column " + column);
    return new DataFormatException(file, line, column, file + where + (what.isEmpty() ? "" : " (" + what + ")")
        + ": found " + found + "; expected " + expected + ". " + fix);
  }
}
