package org.deepgrad.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deepgrad.autograd.Backprop;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.autograd.Node;
import org.deepgrad.ops.Activations;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.ops.MatMul;
import org.deepgrad.ops.Pointwise;
import org.deepgrad.ops.Reductions;
import org.deepgrad.ops.Shaping;
import org.deepgrad.ops.Softmax;

/**
 * A float32 tensor: row-major data of any rank with a {@link Shape}, and, when it takes part in
 * differentiation, its place on the autograd tape.
 *
 * <p>Operations are define-by-run: each op computes its result now and, if any input
 * {@link #requiresGrad() requires a gradient} and recording is on (see {@link NoGrad}), records a
 * {@link Node} with its backward rule. {@link #backward()} then fills {@link #grad()} of every leaf
 * tensor that requires one, summing over every path (as PyTorch does).
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(rng, 3, 2).requiresGrad(true);
 * Tensor loss = x.matmul(w).relu().sum();
 * loss.backward();            // w.grad() now holds d loss / d w
 * }</pre>
 *
 * <p>The fluent methods here delegate to the op classes in {@code org.deepgrad.ops}, which hold each
 * op's forward kernel and backward rule.
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
   * bypasses the tape, so do it only to leaves, as optimizers do, or inside {@link NoGrad}).
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

  /** The accumulated gradient, or null before the first {@link #backward()} reaches this tensor. */
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
   * computes gradients in place, such as {@link org.deepgrad.nn.Kernel}s); its contents are undefined
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

  /** Applies the registered hooks in order; used by {@link Backprop}. */
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

  /** Adds {@code g} into {@link #grad()}; used by {@link Backprop}. */
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
   * Back-propagates from this scalar (one-element) tensor, as {@code loss.backward()} in PyTorch.
   */
  public void backward() {
    if (data.length != 1) {
      throw new IllegalStateException("backward() without a gradient needs a scalar, but the tensor has shape "
          + shape + "; reduce it (sum, mean) or pass the upstream gradient to backward(Tensor)");
    }
    Backprop.run(this, new Tensor(new float[] {1f}, shape));
  }

  /** Back-propagates the given upstream gradient, which must have this tensor's shape. */
  public void backward(Tensor upstream) {
    Backprop.run(this, upstream);
  }

  /**
   * Creates the result of an op: records it on the tape when recording is on and any input needs
   * a gradient. Op implementations call this; users call the ops.
   */
  public static Tensor result(float[] data, Shape shape, String op, Node.Backward rule, Tensor... inputs) {
    Tensor out = new Tensor(data, shape);
    if (NoGrad.isRecording()) {
      for (Tensor in : inputs) {
        if (in.requiresGrad) {
          out.requiresGrad = true;
          out.node = new Node(op, inputs, rule);
          break;
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- arithmetic (broadcasting)

  /** {@code this + other} with broadcasting; see {@link Arithmetic#add(Tensor, Tensor)}. */
  public Tensor add(Tensor other) {
    return Arithmetic.add(this, other);
  }

  /** {@code this + value} element-wise. */
  public Tensor add(float value) {
    return Arithmetic.add(this, value);
  }

  /** {@code this − other} with broadcasting; see {@link Arithmetic#sub(Tensor, Tensor)}. */
  public Tensor sub(Tensor other) {
    return Arithmetic.sub(this, other);
  }

  /** {@code this − value} element-wise. */
  public Tensor sub(float value) {
    return Arithmetic.add(this, -value);
  }

  /** {@code this · other} element-wise with broadcasting; see {@link Arithmetic#mul(Tensor, Tensor)}. */
  public Tensor mul(Tensor other) {
    return Arithmetic.mul(this, other);
  }

  /** {@code this · value} element-wise. */
  public Tensor mul(float value) {
    return Arithmetic.mul(this, value);
  }

  /** {@code this / other} element-wise with broadcasting; see {@link Arithmetic#div(Tensor, Tensor)}. */
  public Tensor div(Tensor other) {
    return Arithmetic.div(this, other);
  }

  /** {@code this / value} element-wise (computed as {@code this · (1/value)}). */
  public Tensor div(float value) {
    return Arithmetic.mul(this, 1f / value);
  }

  /** {@code −this} element-wise. */
  public Tensor neg() {
    return Arithmetic.mul(this, -1f);
  }

  // ---------------------------------------------------------------- pointwise math

  /** Element-wise {@code e^x}; see {@link Pointwise#exp}. */
  public Tensor exp() {
    return Pointwise.exp(this);
  }

  /** Element-wise natural log {@code ln x} (NaN for {@code x < 0}, −∞ at 0); see {@link Pointwise#log}. */
  public Tensor log() {
    return Pointwise.log(this);
  }

  /** Element-wise {@code √x}; see {@link Pointwise#sqrt}. */
  public Tensor sqrt() {
    return Pointwise.sqrt(this);
  }

  /** Element-wise {@code x^exponent}; see {@link Pointwise#pow}. */
  public Tensor pow(float exponent) {
    return Pointwise.pow(this, exponent);
  }

  /** Element-wise {@code |x|} (gradient {@code sign(x)}, 0 at 0); see {@link Pointwise#abs}. */
  public Tensor abs() {
    return Pointwise.abs(this);
  }

  /** Element-wise {@code min(max(x, min), max)}; see {@link Pointwise#clamp}. */
  public Tensor clamp(float min, float max) {
    return Pointwise.clamp(this, min, max);
  }

  // ---------------------------------------------------------------- activations

  /** Element-wise {@code σ(x) = 1 / (1 + e^−x)}; see {@link Activations#sigmoid(Tensor)}. */
  public Tensor sigmoid() {
    return Activations.sigmoid(this);
  }

  /** Element-wise {@code tanh(x)}; see {@link Activations#tanh(Tensor)}. */
  public Tensor tanh() {
    return Activations.tanh(this);
  }

  /** Element-wise {@code max(0, x)}; see {@link Activations#relu}. */
  public Tensor relu() {
    return Activations.relu(this);
  }

  /**
   * {@code x if x > 0 else negativeSlope·x} (torch's default slope 0.01); see {@link Activations#leakyRelu}.
   */
  public Tensor leakyRelu(float negativeSlope) {
    return Activations.leakyRelu(this, negativeSlope);
  }

  /** {@code x if x > 0 else alpha·(e^x − 1)} (torch's default alpha 1); see {@link Activations#elu}. */
  public Tensor elu(float alpha) {
    return Activations.elu(this, alpha);
  }

  /** The exact GELU {@code x·Φ(x)}; see {@link Activations#gelu(Tensor)}. */
  public Tensor gelu() {
    return Activations.gelu(this);
  }

  /** {@code log(1 + e^x)} (beta 1, threshold 20); see {@link Activations#softplus(Tensor)}. */
  public Tensor softplus() {
    return Activations.softplus(this);
  }

  /** {@code x / (1 + |x|)}; see {@link Activations#softsign}. */
  public Tensor softsign() {
    return Activations.softsign(this);
  }

  /** {@code min(max(x, min), max)} with zero gradient outside; see {@link Activations#hardtanh}. */
  public Tensor hardtanh(float min, float max) {
    return Activations.hardtanh(this, min, max);
  }

  /** {@code e^(x_i) / Σ_j e^(x_j)} along {@code axis}; see {@link Softmax#softmax}. */
  public Tensor softmax(int axis) {
    return Softmax.softmax(this, axis);
  }

  /** {@code x_i − log Σ_j e^(x_j)} along {@code axis}; see {@link Softmax#logSoftmax}. */
  public Tensor logSoftmax(int axis) {
    return Softmax.logSoftmax(this, axis);
  }

  // ---------------------------------------------------------------- reductions

  /** Sum of all elements, as a scalar. */
  public Tensor sum() {
    return Reductions.sum(this);
  }

  /** Sum along {@code axis}, kept with length 1 if {@code keepDim} (torch.sum(dim, keepdim)). */
  public Tensor sum(int axis, boolean keepDim) {
    return Reductions.sum(this, axis, keepDim);
  }

  /** Mean of all elements, as a scalar. */
  public Tensor mean() {
    return Reductions.mean(this);
  }

  /** Mean along {@code axis}, kept with length 1 if {@code keepDim} (torch.mean(dim, keepdim)). */
  public Tensor mean(int axis, boolean keepDim) {
    return Reductions.mean(this, axis, keepDim);
  }

  /** Largest element, as a scalar. */
  public Tensor max() {
    return Reductions.max(this);
  }

  /** Largest element along {@code axis}; the gradient goes to the first maximum (torch.max(dim).values). */
  public Tensor max(int axis, boolean keepDim) {
    return Reductions.max(this, axis, keepDim);
  }

  /** Unbiased variance along {@code axis} (divides by n - 1, as torch.var's default). */
  public Tensor var(int axis, boolean keepDim) {
    return Reductions.var(this, axis, keepDim, 1);
  }

  /** Index of the largest element along {@code axis} (first one on ties); the axis is removed. */
  public int[] argmax(int axis) {
    return Reductions.argmax(this, axis);
  }

  // ---------------------------------------------------------------- linear algebra and shape

  /** Matrix product: 2-D by 2-D, or batched over the leading dimension of 3-D operands. */
  public Tensor matmul(Tensor other) {
    return MatMul.matmul(this, other);
  }

  /** Transpose of a 2-D tensor (a matrix); for other ranks name the dimensions to swap. */
  public Tensor transpose() {
    if (rank() != 2) {
      throw new ShapeException("transpose(): the tensor has shape " + shape
          + "; transpose() is for matrices, use transpose(dim0, dim1) for other ranks");
    }
    return Shaping.transpose(this, 0, 1);
  }

  /** Swaps two dimensions. */
  public Tensor transpose(int dim0, int dim1) {
    return Shaping.transpose(this, dim0, dim1);
  }

  /** The same elements in a new shape; one dimension may be -1 to be inferred. Shares the data. */
  public Tensor reshape(int... dims) {
    return Shaping.reshape(this, dims);
  }

  /** Alias of {@link #reshape(int...)}: tensors are always contiguous, so every reshape is a view. */
  public Tensor view(int... dims) {
    return Shaping.reshape(this, dims);
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) along the first dimension. */
  public Tensor sliceRows(int from, int to) {
    return Shaping.sliceRows(this, from, to);
  }

  /** For a [n, c] tensor, element {@code [i, index[i]]} of each row, as a [n] tensor. */
  public Tensor gather(int[] index) {
    return Shaping.gather(this, index);
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
