package org.deepgrad.ops;

import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * Batch and layer normalization, torch.nn.functional's {@code batch_norm} and {@code layer_norm}.
 * Both standardise groups of m values and apply a per-feature affine map:
 *
 * <pre>
 * x̂ = (x − μ) / √(σ² + eps)        y = γ·x̂ + β         (σ² the biased variance, 1/m)
 * dγ = Σ g·x̂     dβ = Σ g          (over everything but the feature)
 * dx̂ = g·γ       dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / √(σ² + eps)   (μ, σ² of the group)
 * dx = g·γ / √(σ² + eps)                                             (μ, σ² constants)
 * </pre>
 * The third line is the backward through the group's statistics (Ioffe and Szegedy, 2015); the
 * fourth holds in batch norm's eval mode, where the running statistics are constants. The ops
 * are {@link BatchNormOp}, {@link LayerNormOp} and {@link NormAffine}.
 */
public final class Normalization {
  private Normalization() {}

  /**
   * Batch normalization over {@code x} of shape {@code [n, c]} (or {@code [n, c, L...]}), one group per
   * channel c over every other axis (m = n·L values).
   *
   * <p>Training: normalize with the batch mean and biased variance, and, when given, update the
   * running statistics in place: {@code running = (1 − momentum)·running + momentum·batch}, the running
   * variance taking the unbiased batch variance σ²·m/(m − 1), as torch. Eval: normalize with the
   * running statistics, which are then required. torch's defaults: momentum 0.1, eps 1e-5.
   *
   * @param weight γ, {@code [c]}, or null for 1
   * @param bias β, {@code [c]}, or null for 0
   * @param runningMean {@code [c]} or null (updated in training; no gradient)
   * @param runningVar {@code [c]} or null (updated in training; no gradient)
   */
  public static Tensor batchNorm(Tensor x, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
      boolean training, float momentum, float eps) {
    if (x.rank() < 2) {
      throw new ShapeException("batchNorm: input " + x.shape() + " must be [n, c] or [n, c, L...]; "
          + "reshape a single sample to [1, c] (eval) or batch several");
    }
    Shape channels = Shape.of(x.dim(1));
    for (Tensor t : new Tensor[] {weight, bias, runningMean, runningVar}) requireShape("batchNorm", t, channels, x);
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("batchNorm: momentum must be in [0, 1], got " + momentum
          + " (torch's default is 0.1)");
    }
    requireEps("batchNorm", eps);
    if (training && x.dim(0) * x.shape().inner(1) <= 1) {
      throw new IllegalArgumentException("batchNorm: Expected more than 1 value per channel when training, "
          + "got input size " + x.shape() + "; train with a batch of at least 2, or use eval mode");
    }
    if (!training && (runningMean == null || runningVar == null)) {
      throw new IllegalArgumentException("batchNorm: eval mode needs runningMean and runningVar; pass them, "
          + "or normalize with batch statistics by training = true");
    }
    return BatchNormOp.apply(x, weight, bias, runningMean, runningVar, training, momentum, eps);
  }

  /**
   * Layer normalization (Ba et al., 2016) over the last {@code normalizedDims} axes of {@code x}: one
   * group per leading index, m = the product of those axes; γ and β (if given, else 1 and 0) have the
   * shape of those axes, torch's {@code normalized_shape}. torch's default eps is 1e-5.
   */
  public static Tensor layerNorm(Tensor x, int normalizedDims, Tensor weight, Tensor bias, float eps) {
    if (normalizedDims < 1 || normalizedDims > x.rank()) {
      throw new ShapeException("layerNorm: normalizedDims " + normalizedDims + " must be in [1, " + x.rank()
          + "] for input " + x.shape() + "; it counts the trailing axes to normalize");
    }
    int[] dims = x.shape().dims();
    int[] tail = new int[normalizedDims];
    System.arraycopy(dims, dims.length - normalizedDims, tail, 0, normalizedDims);
    Shape features = Shape.of(tail);
    requireShape("layerNorm", weight, features, x);
    requireShape("layerNorm", bias, features, x);
    requireEps("layerNorm", eps);
    return LayerNormOp.apply(x, features.size(), weight, bias, eps);
  }

  private static void requireShape(String op, Tensor t, Shape expected, Tensor x) {
    if (t != null && !t.shape().equals(expected)) {
      throw new ShapeException(op + ": a parameter or statistic has shape " + t.shape() + " but input "
          + x.shape() + " needs " + expected);
    }
  }

  private static void requireEps(String op, float eps) {
    if (!(eps >= 0) || Float.isInfinite(eps)) {
      throw new IllegalArgumentException(op + ": eps must be finite and >= 0, got " + eps
          + " (torch's default is 1e-5)");
    }
  }
}
