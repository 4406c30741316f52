package org.deepgrad.nn;

import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * {@link Linear}'s kernel, the products of {@code ops.MatMul.linear} with their transposes folded into
 * the BLAS calls: {@code y = b + x·Wᵀ} (bias rows first, then GEMM with β = 1), {@code dx = dy·W},
 * {@code dW = dyᵀ·x}, {@code db = Σ_rows dy}.
 */
final class LinearKernel implements Kernel {
  private final Tensor weight;
  private final Tensor bias;
  private final int in;
  private final int out;
  private final GradTarget weightGrad;
  private final GradTarget biasGrad;
  private float[] x;
  private float[] y;
  private float[] dx;

  LinearKernel(Tensor weight, Tensor bias) {
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
    y = Kernel.sized(y, rows * out);
    if (bias != null) {
      float[] bv = bias.data();
      for (int r = 0; r < rows; r++) System.arraycopy(bv, 0, y, r * out, out);
    }
    Backends.current().gemm(false, true, rows, out, in, 1f, x, 0, in, weight.data(), 0, in,
        bias == null ? 0f : 1f, y, 0, out);
    return y;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    Backend be = Backends.current();
    if (inputGrad) {
      dx = Kernel.sized(dx, rows * in);
      be.gemm(false, false, rows, in, out, 1f, dy, 0, out, weight.data(), 0, in, 0f, dx, 0, in);
    }
    if (weight.requiresGrad()) {
      be.gemm(true, false, out, in, rows, 1f, dy, 0, out, x, 0, in, 0f, weightGrad.begin(), 0, in);
      weightGrad.finish();
    }
    if (bias != null && bias.requiresGrad()) {
      float[] db = biasGrad.begin();
      java.util.Arrays.fill(db, 0f);
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < out; j++) db[j] += dy[r * out + j];
      }
      biasGrad.finish();
    }
    return inputGrad ? dx : null;
  }
}
