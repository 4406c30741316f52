package org.deepgrad.loss;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.ops.Reductions;
import org.deepgrad.tensor.ShapeException;
import org.deepgrad.tensor.Tensor;

/**
 * Loss functions with torch.nn.functional's formulas, gradients and {@link Reduction} (default
 * {@link Reduction#MEAN}). Each is one fused op with its own backward rule, so the stable forms
 * below hold in the backward pass too.
 *
 * <pre>
 * cross_entropy      l = logsumexp(x) − x[target]              dx = softmax(x) − onehot(target)
 * mse                l = (p − t)²                              dp = 2(p − t)      dt = −2(p − t)
 * bce_with_logits    l = max(x,0) − x·t + log(1 + e^−|x|)      dx = σ(x) − t      dt = −x
 * </pre>
 * each gradient times the upstream gradient of the element's loss (divided by the count for MEAN).
 */
public final class Loss {
  private Loss() {}

  /** {@link #crossEntropy(Tensor, int[], Reduction)} averaged over the targets. */
  public static Tensor crossEntropy(Tensor logits, int[] targets) {
    return crossEntropy(logits, targets, Reduction.MEAN);
  }

  /**
   * Cross-entropy of class-index targets, {@code torch.nn.functional.cross_entropy}: log-softmax over
   * the class axis and negative log-likelihood fused, stable for any logits by log-sum-exp.
   *
   * @param logits {@code [n, c]} (or {@code [n, c, d...]}, classes on axis 1, or {@code [c]})
   * @param targets one class index in {@code [0, c)} per row, row-major over {@code [n, d...]}; no gradient
   * @return a scalar, or with {@link Reduction#NONE} the losses in shape {@code [n, d...]}
   */
  public static Tensor crossEntropy(Tensor logits, int[] targets, Reduction reduction) {
    return CrossEntropy.apply(logits, targets, reduction);
  }

  /** {@link #mse(Tensor, Tensor, Reduction)} averaged over the elements. */
  public static Tensor mse(Tensor pred, Tensor target) {
    return mse(pred, target, Reduction.MEAN);
  }

  /**
   * Mean squared error {@code (pred − target)²}, {@code torch.nn.functional.mse_loss}; both arguments
   * get a gradient. The shapes must be equal.
   */
  public static Tensor mse(Tensor pred, Tensor target, Reduction reduction) {
    requireSameShape("mse", pred, target);
    return Mse.apply(pred, target, reduction);
  }

  /** {@link #bceWithLogits(Tensor, Tensor, Reduction)} averaged over the elements. */
  public static Tensor bceWithLogits(Tensor logits, Tensor target) {
    return bceWithLogits(logits, target, Reduction.MEAN);
  }

  /**
   * Binary cross-entropy on logits, {@code torch.nn.functional.binary_cross_entropy_with_logits}:
   * {@code −[t·log σ(x) + (1 − t)·log(1 − σ(x))]} in the stable form
   * {@code max(x, 0) − x·t + log(1 + e^−|x|)}, finite for any x. Gradients: {@code σ(x) − t} to the
   * logits and {@code −x} to the target (as torch). Targets are usually in [0, 1]; the shapes must be equal.
   */
  public static Tensor bceWithLogits(Tensor logits, Tensor target, Reduction reduction) {
    requireSameShape("bceWithLogits", logits, target);
    float[] x = logits.data();
    float[] t = target.data();
    double[] l = new double[x.length];
    for (int i = 0; i < l.length; i++) {
      double v = x[i];
      l[i] = Math.max(v, 0) - v * t[i] + Math.log1p(Math.exp(-Math.abs(v)));
    }
    return Autograd.record(reduction.reduce(l), reduction.shape(logits.shape()), "bce_with_logits", g -> {
      float[] dx = new float[x.length];
      float[] dt = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        double up = reduction.upstream(g, i, x.length);
        double v = x[i];
        double s = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
        dx[i] = (float) ((s - t[i]) * up);
        dt[i] = (float) (-v * up);
      }
      return new Tensor[] {logits.requiresGrad() ? Tensor.of(dx, logits.shape()) : null,
          target.requiresGrad() ? Tensor.of(dt, target.shape()) : null};
    }, logits, target);
  }

  /**
   * The explicit L2 penalty {@code λ/2 · Σ‖θ‖²} over the given tensors, to add to a loss; its gradient
   * is {@code λθ}. For plain SGD this equals the optimizer's {@code weightDecay = λ}; for adaptive
   * optimizers it does not (the term is rescaled with the gradient), which is what AdamW's decoupled
   * decay changes: see docs/optimizers.md. Built from primitive ops, so it needs no backward of its own.
   */
  public static Tensor l2Penalty(Iterable<Tensor> weights, double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("l2Penalty: lambda must be a finite number >= 0, got " + lambda);
    }
    Tensor total = Tensor.scalar(0f);
    for (Tensor w : weights) total = Arithmetic.add(total, Reductions.sum(Arithmetic.mul(w, w)));
    return Arithmetic.mul(total, (float) (lambda / 2));
  }

  private static void requireSameShape(String op, Tensor a, Tensor b) {
    if (!a.shape().equals(b.shape())) {
      throw new ShapeException(op + ": input " + a.shape() + " and target " + b.shape()
          + " have different shapes; give the target the input's shape");
    }
  }
}
