package org.deepgrad.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every fuzz target asserts when a reader rejects its input: the reader threw its documented
 * exception type (the target catches only that type, so anything else — an NPE, an index out of
 * bounds, a NumberFormatException, an OutOfMemoryError — escapes and is a finding), with a message
 * that names the file.
 */
public final class FuzzContract {
  private FuzzContract() {}

  /** {@code e} has a message, and it names {@code file} (null: any non-blank message). */
  public static void assertReported(Exception e, String file) {
    String m = e.getMessage();
    assertNotNull(m, () -> e.getClass().getName() + " without a message");
    assertFalse(m.isBlank(), () -> e.getClass().getName() + " with a blank message");
    if (file != null) assertTrue(m.contains(file), () -> "the message does not name " + file + ": " + m);
  }
}
