package org.deepgrad.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A float32 tensor: row-major data of any rank with a {@link Shape}, and, when it takes part in
 * differentiation, its place in the graph: the {@link Node} of the op that computed it, whether it
 * {@link #requiresGrad() requires a gradient}, and the gradient accumulated into it.
 *
 * <p>Operations are define-by-run and live in {@code org.deepgrad.ops} (arithmetic, pointwise math,
 * activations, reductions, products, shaping, softmax, normalization): each computes its result now
 * and records its node on the tape ({@code org.deepgrad.autograd.Autograd#record}) when an input
 * requires a gradient and recording is on. {@code Autograd.backward(loss)} then fills {@link #grad()}
 * of every leaf that requires one, summing over every path (as PyTorch does):
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(rng, 3, 2).requiresGrad(true);
 * Tensor loss = sum(relu(matmul(x, w)));   // static imports of Reductions, Activations, MatMul
 * Autograd.backward(loss);                 // w.grad() now holds d loss / d w
 * }</pre>
 *
 * <p>This package depends on no other: the ops and the tape build on it.
 */
public final class Tensor {
  private final float[] data;
  private final Shape shape;
  private boolean requiresGrad;
  private Node node;
  private Tensor grad;
  private Tensor spareGrad; // the gradient zeroGrad() dropped: the next backward reuses its array
  private boolean retainGrad;
  private List<UnaryOperator<Tensor>> hooks;

  private Tensor(float[] data, Shape shape) {
    if (data.length != shape.size()) {
      throw new ShapeException("tensor data has " + data.length + " values but shape " + shape
          + " needs " + shape.size());
    }
    this.data = data;
    this.shape = shape;
  }

  // ---------------------------------------------------------------- creation

  /** A tensor over {@code data} (not copied) with the given shape. */
  public static Tensor of(float[] data, Shape shape) {
    return new Tensor(data, shape);
  }

  /** A tensor over {@code data} (not copied) with the given dimensions. */
  public static Tensor of(float[] data, int... dims) {
    return new Tensor(data, Shape.of(dims));
  }

  /** A rank-0 tensor holding one value. */
  public static Tensor scalar(float value) {
    return new Tensor(new float[] {value}, Shape.of());
  }

  /** A tensor of zeros with the given dimensions (torch.zeros). */
  public static Tensor zeros(int... dims) {
    return zeros(Shape.of(dims));
  }

  /** A tensor of zeros with the given shape (torch.zeros). */
  public static Tensor zeros(Shape shape) {
    return new Tensor(new float[shape.size()], shape);
  }

  /** A tensor of ones with the given dimensions (torch.ones). */
  public static Tensor ones(int... dims) {
    return full(1f, dims);
  }

  /** A tensor with every element {@code value} (torch.full). */
  public static Tensor full(float value, int... dims) {
    Shape s = Shape.of(dims);
    float[] d = new float[s.size()];
    Arrays.fill(d, value);
    return new Tensor(d, s);
  }

  /** Standard normal entries drawn from {@code rng}. */
  public static Tensor randn(Rng rng, int... dims) {
    Shape s = Shape.of(dims);
    float[] d = new float[s.size()];
    for (int i = 0; i < d.length; i++) d[i] = (float) rng.normal();
    return new Tensor(d, s);
  }

  /** Entries uniform in [lo, hi) drawn from {@code rng}. */
  public static Tensor uniform(Rng rng, float lo, float hi, int... dims) {
    Shape s = Shape.of(dims);
    float[] d = new float[s.size()];
    for (int i = 0; i < d.length; i++) d[i] = (float) rng.uniform(lo, hi);
    return new Tensor(d, s);
  }

  // ---------------------------------------------------------------- data

  /** The shape (dimensions) of this tensor. */
  public Shape shape() {
    return shape;
  }

  /** Dimension {@code axis} (negative counts from the end). */
  public int dim(int axis) {
    return shape.dim(axis);
  }

  /** The number of dimensions: 0 for a scalar, 2 for a matrix (torch's {@code dim()}). */
  public int rank() {
    return shape.rank();
  }

  /** The number of elements: the product of the dimensions, 1 for a scalar (torch's {@code numel()}). */
  public int size() {
    return shape.size();
  }

  /**
   * The backing array, row-major, shared and not copied: writing to it changes the tensor (and
   * bypasses the tape, so do it only to leaves, as optimizers do, or inside {@link org.deepgrad.autograd.NoGrad}).
   */
  public float[] data() {
    return data;
  }

  /** The only value of a one-element tensor. */
  public float item() {
    if (data.length != 1) {
      throw new ShapeException("item: the tensor has shape " + shape + "; item() needs exactly one element");
    }
    return data[0];
  }

  /** The element at the given index (one coordinate per dimension). */
  public float get(int... index) {
    return data[offset(index)];
  }

  /** Sets the element at the given index; a raw write that bypasses the tape. */
  public void set(float value, int... index) {
    data[offset(index)] = value;
  }

  private int offset(int[] index) {
    if (index.length != shape.rank()) {
      throw new ShapeException("index " + Arrays.toString(index) + " has " + index.length
          + " coordinates but the tensor has rank " + shape.rank());
    }
    int[] strides = shape.strides();
    int off = 0;
    for (int i = 0; i < index.length; i++) {
      int d = shape.dim(i);
      if (index[i] < 0 || index[i] >= d) {
        throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is outside shape " + shape);
      }
      off += index[i] * strides[i];
    }
    return off;
  }

  /** A new tensor with a copy of the data and no tape history. */
  public Tensor copy() {
    return new Tensor(data.clone(), shape);
  }

  /** The same data as a new tensor cut off from the tape (shares the array, like PyTorch). */
  public Tensor detach() {
    return new Tensor(data, shape);
  }

  // ---------------------------------------------------------------- autograd

  /** Marks this leaf as needing a gradient; returns this, for chaining. */
  public Tensor requiresGrad(boolean value) {
    if (node != null && !value) {
      throw new IllegalStateException("requiresGrad(false) on a tensor computed by " + node.op()
          + "; use detach() to cut it from the tape");
    }
    this.requiresGrad = value;
    return this;
  }

  /** Whether gradients flow to this tensor: set on leaves, inherited by op results on the tape. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** The accumulated gradient, or null before the first backward reaches this tensor. */
  public Tensor grad() {
    return grad;
  }

  /**
   * Forgets the accumulated gradient ({@link #grad()} becomes null, as torch's
   * {@code zero_grad(set_to_none=True)}). The next backward reuses the dropped gradient's array, so
   * training allocates no gradient memory after the first step: copy a gradient you want to keep
   * past the next backward.
   */
  public void zeroGrad() {
    if (grad != null) spareGrad = grad;
    grad = null;
  }

  /**
   * Installs and returns a gradient whose every element the caller then writes (a backward that
   * computes gradients in place, such as {@link org.deepgrad.nn.BufferedPass}s); its contents are undefined
   * until then. Use only when {@link #grad()} is null: otherwise add into {@code grad()}.
   */
  public Tensor freshGrad() {
    if (grad != null) throw new IllegalStateException("freshGrad: the tensor already has a gradient; add into grad()");
    grad = spareGrad != null ? spareGrad : new Tensor(new float[data.length], shape);
    spareGrad = null;
    return grad;
  }

  /** The op that computed this tensor, or null for a leaf. */
  public Node node() {
    return node;
  }

  /** Keeps the gradient of this non-leaf tensor in {@link #grad()} after backward (leaves always do). */
  public Tensor retainGrad() {
    retainGrad = true;
    return this;
  }

  /** Whether {@link #retainGrad()} was called, so backward keeps this non-leaf's gradient. */
  public boolean retainsGrad() {
    return retainGrad;
  }

  /**
   * Registers a hook called with the full gradient of this tensor during backward, before it flows
   * further back. The hook returns the gradient to use: the same tensor to only observe it (as the
   * diagnostics do), or a new one of the same shape to replace it.
   */
  public Tensor registerHook(UnaryOperator<Tensor> hook) {
    if (hooks == null) hooks = new ArrayList<>(1);
    hooks.add(hook);
    return this;
  }

  /** Whether gradient hooks are registered on this tensor. */
  public boolean hasHooks() {
    return hooks != null;
  }

  /** Applies the registered hooks in order; used by the backward walk. */
  public Tensor runHooks(Tensor gradient) {
    if (hooks == null) return gradient;
    for (UnaryOperator<Tensor> h : hooks) {
      Tensor g = h.apply(gradient);
      if (g == null || !g.shape.equals(shape)) {
        throw new IllegalStateException("a gradient hook returned " + (g == null ? "null" : "shape " + g.shape)
            + " for a tensor of shape " + shape + "; return the gradient or one of the same shape");
      }
      gradient = g;
    }
    return gradient;
  }

  /** Adds {@code g} into {@link #grad()}; used by the backward walk. */
  public void accumulateGrad(Tensor g) {
    if (grad == null) {
      System.arraycopy(g.data, 0, freshGrad().data, 0, data.length);
    } else {
      float[] acc = grad.data;
      float[] add = g.data;
      for (int i = 0; i < acc.length; i++) acc[i] += add[i];
    }
  }

  /**
   * An op's result recorded on the tape: computed by {@code node}, so it requires a gradient. The
   * tape ({@code Autograd.record}) makes these; ops call that, users call the ops.
   */
  public static Tensor recorded(float[] data, Shape shape, Node node) {
    Tensor out = new Tensor(data, shape);
    out.requiresGrad = true;
    out.node = node;
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Tensor").append(shape);
    if (node != null) sb.append(" grad_fn=").append(node.op());
    else if (requiresGrad) sb.append(" requires_grad");
    int n = Math.min(data.length, 8);
    sb.append(" [");
    for (int i = 0; i < n; i++) sb.append(i > 0 ? ", " : "").append(data[i]);
    return sb.append(data.length > n ? ", ...]" : "]").toString();
  }
}
