package org.deepgrad.ops;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;

/**
 * Element-wise add, subtract, multiply and divide with NumPy broadcasting, and their scalar forms.
 *
 * <pre>
 * d(a+b) = (g, g)        d(a-b) = (g, -g)
 * d(a*b) = (g*b, g*a)    d(a/b) = (g/b, -g*a/b^2)
 * </pre>
 * each summed back to the operand's shape where it was broadcast.
 */
public final class Arithmetic {
  private Arithmetic() {}

  /**
   * {@code a + b} element-wise with broadcasting (torch.add); gradient {@code (g, g)}, summed to each shape.
   */
  public static Tensor add(Tensor a, Tensor b) {
    Shape out = Shape.broadcast("add", a.shape(), b.shape());
    return Autograd.record(Broadcasting.map(a, b, out, Float::sum), out, "add",
        g -> new Tensor[] {Broadcasting.sumTo(g, a.shape()), Broadcasting.sumTo(g, b.shape())}, a, b);
  }

  /** {@code a − b} element-wise with broadcasting (torch.sub); gradient {@code (g, −g)}. */
  public static Tensor sub(Tensor a, Tensor b) {
    Shape out = Shape.broadcast("sub", a.shape(), b.shape());
    return Autograd.record(Broadcasting.map(a, b, out, (x, y) -> x - y), out, "sub",
        g -> new Tensor[] {Broadcasting.sumTo(g, a.shape()), Broadcasting.sumTo(mul(g, -1f), b.shape())}, a, b);
  }

  /** {@code a · b} element-wise with broadcasting (torch.mul); gradient {@code (g·b, g·a)}. */
  public static Tensor mul(Tensor a, Tensor b) {
    Shape out = Shape.broadcast("mul", a.shape(), b.shape());
    return Autograd.record(Broadcasting.map(a, b, out, (x, y) -> x * y), out, "mul",
        g -> new Tensor[] {
          a.requiresGrad() ? Broadcasting.sumTo(mul(g, b), a.shape()) : null,
          b.requiresGrad() ? Broadcasting.sumTo(mul(g, a), b.shape()) : null}, a, b);
  }

  /** {@code a / b} element-wise with broadcasting (torch.div); gradient {@code (g/b, −g·a/b²)}. */
  public static Tensor div(Tensor a, Tensor b) {
    Shape out = Shape.broadcast("div", a.shape(), b.shape());
    return Autograd.record(Broadcasting.map(a, b, out, (x, y) -> x / y), out, "div",
        g -> new Tensor[] {
          a.requiresGrad() ? Broadcasting.sumTo(div(g, b), a.shape()) : null,
          b.requiresGrad() ? Broadcasting.sumTo(mul(div(mul(g, a), mul(b, b)), -1f), b.shape()) : null}, a, b);
  }

  /** {@code a + c} for a constant c. */
  public static Tensor add(Tensor a, float c) {
    float[] x = a.data();
    float[] r = new float[x.length];
    for (int i = 0; i < r.length; i++) r[i] = x[i] + c;
    return Autograd.record(r, a.shape(), "add_scalar", g -> new Tensor[] {g}, a);
  }

  /** {@code a − c} for a constant c: {@code a + (−c)}. */
  public static Tensor sub(Tensor a, float c) {
    return add(a, -c);
  }

  /** {@code a / c} for a constant c, computed as {@code a · (1/c)}. */
  public static Tensor div(Tensor a, float c) {
    return mul(a, 1f / c);
  }

  /** {@code −a}: {@code a · (−1)}. */
  public static Tensor neg(Tensor a) {
    return mul(a, -1f);
  }

  /** {@code a * c} for a constant c. */
  public static Tensor mul(Tensor a, float c) {
    float[] x = a.data();
    float[] r = new float[x.length];
    for (int i = 0; i < r.length; i++) r[i] = x[i] * c;
    return Autograd.record(r, a.shape(), "mul_scalar", g -> new Tensor[] {mul(g, c)}, a);
  }
}
