package org.deepgrad.tensor;

/** An operation got tensors whose shapes it cannot combine; the message names the op and the shapes. */
public class ShapeException extends IllegalArgumentException {
  /** An error whose message names the op, the shapes and the fix. */
  public ShapeException(String message) {
    super(message);
  }
}
