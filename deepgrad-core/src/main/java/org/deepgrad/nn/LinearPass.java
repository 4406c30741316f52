package org.deepgrad.nn;

import org.deepgrad.backend.Backends;
import org.deepgrad.backend.Parallel;
import org.deepgrad.ops.MatMul;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * {@link Linear}'s buffered pass, through the array forms of {@link MatMul#linear} (transposes folded into
 * the BLAS calls): {@code y = b + x·Wᵀ} (bias rows first, then GEMM with β = 1), {@code dx = dy·W},
 * {@code dW = dyᵀ·x} (the two at once where the backend can, {@link MatMul#linearGrads}), {@code db = Σ_rows dy}
 * (its columns shared among the backend's threads, {@link Parallel}).
 */
final class LinearPass implements BufferedPass, Parallel.Task {
  /** Fewest elements of dy worth sharing the bias gradient's columns among threads. */
  private static final int MIN_SPLIT = 1 << 15;

  private final Tensor weight;
  private final Tensor bias;
  private final int in;
  private final int out;
  private final GradTarget weightGrad;
  private final GradTarget biasGrad;
  private float[] x;
  private float[] y;
  private float[] dx;
  private float[] dy; // during the bias gradient, else null
  private int rows;
  private float[] db;

  LinearPass(Tensor weight, Tensor bias) {
    this.weight = weight;
    this.bias = bias;
    this.out = weight.dim(0);
    this.in = weight.dim(1);
    this.weightGrad = new GradTarget(weight);
    this.biasGrad = bias == null ? null : new GradTarget(bias);
  }

  @Override
  public float[] forward(float[] x, int rows) {
    if (x.length != rows * in) {
      throw new ShapeException("linear: input [" + rows + ", " + x.length / rows + "] does not fit weight "
          + weight.shape() + "; the input must be [batch, " + in + "]");
    }
    this.x = x;
    y = BufferedPass.sized(y, rows * out);
    MatMul.linearForward(x, rows, in, weight.data(), bias == null ? null : bias.data(), out, y);
    return y;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    if (inputGrad) dx = BufferedPass.sized(dx, rows * in);
    if (inputGrad && weight.requiresGrad()) {
      MatMul.linearGrads(dy, rows, in, weight.data(), x, out, dx, weightGrad.begin());
      weightGrad.finish();
    } else if (inputGrad) {
      MatMul.linearInputGrad(dy, rows, in, weight.data(), out, dx);
    } else if (weight.requiresGrad()) {
      MatMul.linearWeightGrad(dy, rows, in, x, out, weightGrad.begin());
      weightGrad.finish();
    }
    if (bias != null && bias.requiresGrad()) {
      this.dy = dy;
      this.rows = rows;
      db = biasGrad.begin();
      try {
        Parallel.run(rows * out < MIN_SPLIT ? 1 : Math.max(1, Math.min(Backends.current().threads(), out / 16)), this);
      } finally {
        this.dy = null;
      }
      biasGrad.finish();
    }
    return inputGrad ? dx : null;
  }

  /** Columns {@code [out·part/parts, out·(part+1)/parts)} of the bias gradient. */
  @Override
  public void run(int part, int parts) {
    MatMul.linearBiasGrad(dy, rows, out, db, Parallel.bound(out, part, parts), Parallel.bound(out, part + 1, parts));
  }
}
