package org.deepgrad.tensor;

import java.util.Arrays;

/**
 * The dimensions of a row-major tensor. Immutable; {@code Shape.of()} is a scalar (rank 0, one element).
 *
 * <p>Broadcasting follows NumPy: shapes are aligned on their last dimension, and two dimensions are
 * compatible when they are equal or one of them is 1.
 */
public final class Shape {
  private static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        throw new IllegalArgumentException(
            "dimension " + i + " of shape " + Arrays.toString(dims) + " is negative; every dimension must be >= 0");
      }
      n *= dims[i];
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(dims) + " has more than 2^31 elements, the most one tensor can hold");
      }
    }
    this.dims = dims;
    this.size = (int) n;
  }

  /** A shape with the given dimensions (none for a scalar). */
  public static Shape of(int... dims) {
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  /** The number of dimensions: 0 for a scalar. */
  public int rank() {
    return dims.length;
  }

  /** Number of elements: the product of the dimensions. */
  public int size() {
    return size;
  }

  /** Dimension {@code axis}; negative axes count from the end, as in NumPy. */
  public int dim(int axis) {
    return dims[axis(axis, "dim")];
  }

  /** A copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  /** Row-major strides in elements. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  /**
   * Resolves a possibly negative axis against this shape's rank.
   *
   * @param op the operation asking, named in the error
   */
  public int axis(int axis, String op) {
    int r = dims.length;
    if (axis < -r || axis >= r) {
      throw new ShapeException(op + ": axis " + axis + " is out of range for shape " + this
          + "; use an axis in [" + (-r) + ", " + (r - 1) + "]");
    }
    return axis < 0 ? axis + r : axis;
  }

  /** Product of the dimensions before {@code axis}. */
  public int outer(int axis) {
    int n = 1;
    for (int i = 0; i < axis; i++) n *= dims[i];
    return n;
  }

  /** Product of the dimensions after {@code axis}. */
  public int inner(int axis) {
    int n = 1;
    for (int i = axis + 1; i < dims.length; i++) n *= dims[i];
    return n;
  }

  /** This shape with dimension {@code axis} replaced by {@code value}. */
  public Shape with(int axis, int value) {
    int[] d = dims.clone();
    d[axis] = value;
    return new Shape(d);
  }

  /** This shape without dimension {@code axis}. */
  public Shape without(int axis) {
    int[] d = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) if (i != axis) d[j++] = dims[i];
    return of(d);
  }

  /** The shape both operands broadcast to, or a {@link ShapeException} naming {@code op}. */
  public static Shape broadcast(String op, Shape a, Shape b) {
    if (a.equals(b)) return a;
    int r = Math.max(a.rank(), b.rank());
    int[] out = new int[r];
    for (int i = 0; i < r; i++) {
      int da = i < r - a.rank() ? 1 : a.dims[i - (r - a.rank())];
      int db = i < r - b.rank() ? 1 : b.dims[i - (r - b.rank())];
      if (da != db && da != 1 && db != 1) {
        throw new ShapeException(op + ": shapes " + a + " and " + b + " do not broadcast (dimension "
            + i + " of the aligned shapes: " + da + " vs " + db + "); dimensions must be equal or 1");
      }
      out[i] = da == 1 ? db : da;
    }
    return new Shape(out);
  }

  /**
   * Strides for reading a tensor of this shape as if it had shape {@code target} (which it broadcasts
   * to): 0 on broadcast dimensions, so an index of {@code target} maps to an element of this shape.
   */
  public int[] broadcastStrides(Shape target) {
    int r = target.rank();
    int[] own = strides();
    int[] s = new int[r];
    for (int i = 0; i < r; i++) {
      int j = i - (r - dims.length);
      s[i] = j < 0 || dims[j] == 1 ? 0 : own[j];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
