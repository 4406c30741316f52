package org.deepgrad.tensor;

/** An operation got tensors whose shapes it cannot combine; the message names the op and the shapes. */
public class ShapeException extends IllegalArgumentException {
  public ShapeException(String message) {
    super(message);
  }
}
