package org.deepgrad.ops;

import java.util.Arrays;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.backend.Gemm;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * Matrix products on the current backend's gemm, transposes folded into the call.
 *
 * <pre>
 * C = A B            dA = G Bᵀ        dB = Aᵀ G
 * y = x Wᵀ + b       dx = G W         dW = Gᵀ x       db = Σ_rows G
 * </pre>
 */
public final class MatMul {
  /** Each thread's two reusable argument holders for {@link #linearGrads}. */
  private static final ThreadLocal<Gemm[]> PAIR = ThreadLocal.withInitial(() -> new Gemm[] {new Gemm(), new Gemm()});

  private MatMul() {}

  /**
   * {@code [m,k] @ [k,n] -> [m,n]}; batched: {@code [B,m,k] @ [B,k,n] -> [B,m,n]}, and
   * {@code [B,m,k] @ [k,n]} applies the one right matrix to every batch entry.
   */
  public static Tensor matmul(Tensor a, Tensor b) {
    if (a.rank() == 2 && b.rank() == 2) return product(a, b, 1, false);
    if (a.rank() == 3 && b.rank() == 3) {
      if (a.dim(0) != b.dim(0)) {
        throw new ShapeException("matmul: batch sizes differ: " + a.shape() + " @ " + b.shape());
      }
      return product(a, b, a.dim(0), false);
    }
    if (a.rank() == 3 && b.rank() == 2) return product(a, b, a.dim(0), true);
    throw new ShapeException("matmul: shapes " + a.shape() + " @ " + b.shape()
        + " are not supported; use [m,k]@[k,n], [B,m,k]@[B,k,n] or [B,m,k]@[k,n]");
  }

  private static Tensor product(Tensor a, Tensor b, int batch, boolean sharedB) {
    int m = a.dim(-2);
    int k = a.dim(-1);
    int n = b.dim(-1);
    if (b.dim(-2) != k) {
      throw new ShapeException("matmul: inner dimensions differ: " + a.shape() + " @ " + b.shape()
          + " (" + k + " vs " + b.dim(-2) + ")");
    }
    Shape out = a.rank() == 2 ? Shape.of(m, n) : Shape.of(batch, m, n);
    float[] c = new float[out.size()];
    int bStride = sharedB ? 0 : k * n;
    for (int i = 0; i < batch; i++) {
      Backends.current().gemm(false, false, m, n, k, 1f, a.data(), i * m * k, k,
          b.data(), i * bStride, n, 0f, c, i * m * n, n);
    }
    return Autograd.record(c, out, "matmul", g -> {
      Tensor ga = null;
      Tensor gb = null;
      if (a.requiresGrad()) {
        float[] da = new float[a.size()];
        for (int i = 0; i < batch; i++) {
          Backends.current().gemm(false, true, m, k, n, 1f, g.data(), i * m * n, n,
              b.data(), i * bStride, n, 0f, da, i * m * k, k);
        }
        ga = Tensor.of(da, a.shape());
      }
      if (b.requiresGrad()) {
        float[] db = new float[b.size()];
        for (int i = 0; i < batch; i++) {
          // A shared right matrix collects the gradient of every batch entry (beta = 1 after the first).
          Backends.current().gemm(true, false, k, n, m, 1f, a.data(), i * m * k, k,
              g.data(), i * m * n, n, sharedB && i > 0 ? 1f : 0f, db, i * bStride, n);
        }
        gb = Tensor.of(db, b.shape());
      }
      return new Tensor[] {ga, gb};
    }, a, b);
  }

  /**
   * The affine map of a dense layer, {@code y = x Wᵀ + b}, with PyTorch's weight layout
   * {@code [out, in]}; {@code x} is {@code [n, in]}, {@code bias} is {@code [out]} or null.
   */
  public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
    if (x.rank() != 2 || weight.rank() != 2 || x.dim(1) != weight.dim(1)) {
      throw new ShapeException("linear: input " + x.shape() + " does not fit weight " + weight.shape()
          + "; the input must be [batch, " + (weight.rank() == 2 ? weight.dim(1) : "in") + "]");
    }
    if (bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(0))) {
      throw new ShapeException("linear: bias " + bias.shape() + " does not fit weight " + weight.shape()
          + "; it must be [" + weight.dim(0) + "]");
    }
    int rows = x.dim(0);
    int in = x.dim(1);
    int out = weight.dim(0);
    float[] y = new float[rows * out];
    linearForward(x.data(), rows, in, weight.data(), bias == null ? null : bias.data(), out, y);
    Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
    return Autograd.record(y, Shape.of(rows, out), "linear", g -> {
      float[] gd = g.data();
      Tensor gx = null;
      Tensor gw = null;
      Tensor gbias = null;
      if (x.requiresGrad()) {
        float[] dx = new float[rows * in];
        linearInputGrad(gd, rows, in, weight.data(), out, dx);
        gx = Tensor.of(dx, x.shape());
      }
      if (weight.requiresGrad()) {
        float[] dw = new float[out * in];
        linearWeightGrad(gd, rows, in, x.data(), out, dw);
        gw = Tensor.of(dw, weight.shape());
      }
      if (bias != null && bias.requiresGrad()) {
        float[] db = new float[out];
        linearBiasGrad(gd, rows, out, db, 0, out);
        gbias = Tensor.of(db, bias.shape());
      }
      return bias == null ? new Tensor[] {gx, gw} : new Tensor[] {gx, gw, gbias};
    }, inputs);
  }

  /**
   * {@link #linear}'s forward on arrays: {@code y = b + x·Wᵀ} for {@code x [rows, in]}, {@code W [out, in]},
   * {@code b [out]} or null; the bias rows are written first and the GEMM adds onto them (β = 1).
   */
  public static void linearForward(float[] x, int rows, int in, float[] w, float[] b, int out, float[] y) {
    if (b != null) for (int r = 0; r < rows; r++) System.arraycopy(b, 0, y, r * out, out);
    Backends.current().gemm(false, true, rows, out, in, 1f, x, 0, in, w, 0, in, b == null ? 0f : 1f, y, 0, out);
  }

  /** {@code dx = dy·W} ({@code [rows, in]}) of {@link #linearForward}. */
  public static void linearInputGrad(float[] dy, int rows, int in, float[] w, int out, float[] dx) {
    Backends.current().gemm(false, false, rows, in, out, 1f, dy, 0, out, w, 0, in, 0f, dx, 0, in);
  }

  /**
   * {@link #linearInputGrad} and {@link #linearWeightGrad} as one {@link Backend#gemmPair}: the two
   * products of a layer's backward, independent, so a backend with two threads runs them at once.
   */
  public static void linearGrads(float[] dy, int rows, int in, float[] w, float[] x, int out, float[] dx, float[] dw) {
    Gemm[] pair = PAIR.get();
    try {
      Backends.current().gemmPair(pair[0].set(false, false, rows, in, out, 1f, dy, 0, out, w, 0, in, 0f, dx, 0, in),
          pair[1].set(true, false, out, in, rows, 1f, dy, 0, out, x, 0, in, 0f, dw, 0, in));
    } finally {
      pair[0].release();
      pair[1].release();
    }
  }

  /** {@code dW = dyᵀ·x} ({@code [out, in]}) of {@link #linearForward}. */
  public static void linearWeightGrad(float[] dy, int rows, int in, float[] x, int out, float[] dw) {
    Backends.current().gemm(true, false, out, in, rows, 1f, dy, 0, out, x, 0, in, 0f, dw, 0, in);
  }

  /**
   * {@code db = Σ_rows dy} ({@code [out]}) for the columns {@code [from, to)}, overwriting them: each
   * column's rows added in order, four rows per pass over the columns (a quarter of the passes over
   * {@code db}, the same sums). Columns are independent, so threads may share them.
   */
  public static void linearBiasGrad(float[] dy, int rows, int out, float[] db, int from, int to) {
    Arrays.fill(db, from, to, 0f);
    int r = 0;
    for (; r + 3 < rows; r += 4) {
      int o = r * out;
      for (int j = from; j < to; j++) db[j] = (((db[j] + dy[o + j]) + dy[o + out + j]) + dy[o + 2 * out + j]) + dy[o + 3 * out + j];
    }
    for (; r < rows; r++) {
      int o = r * out;
      for (int j = from; j < to; j++) db[j] += dy[o + j];
    }
  }

}
