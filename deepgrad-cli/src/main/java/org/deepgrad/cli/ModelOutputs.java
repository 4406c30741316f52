package org.deepgrad.cli;

import java.util.Arrays;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.nn.Module;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.Objective;

/**
 * A model's outputs (logits or regression values) for every row of a features tensor, as
 * {@link Objective#evaluate} computes them: evaluation mode, no tape, {@value Objective#EVAL_CHUNK}
 * rows per forward pass. The same chunks give the same values, so predictions agree with the metrics.
 */
final class ModelOutputs {
  private ModelOutputs() {}

  /** The [n, outputs] outputs of {@code model} for the [n, d] {@code features}, n >= 1. */
  static Tensor of(Module model, Tensor features) {
    int n = features.dim(0);
    int d = features.dim(1);
    float[] x = features.data();
    float[] out = null;
    int k = 0;
    model.eval();
    try (NoGrad scope = NoGrad.enter()) {
      for (int from = 0; from < n; from += Objective.EVAL_CHUNK) {
        int to = Math.min(n, from + Objective.EVAL_CHUNK);
        Tensor y = model.forward(Tensor.of(Arrays.copyOfRange(x, from * d, to * d), to - from, d));
        if (out == null) {
          k = y.dim(1);
          out = new float[n * k];
        }
        System.arraycopy(y.data(), 0, out, from * k, (to - from) * k);
      }
    }
    return Tensor.of(out, n, k);
  }

  /** The first row of {@code outputs} ([n, k]) holding a NaN or infinite value, or -1. */
  static int firstNonFinite(Tensor outputs) {
    float[] y = outputs.data();
    int k = outputs.dim(1);
    for (int i = 0; i < y.length; i++) if (!Float.isFinite(y[i])) return i / k;
    return -1;
  }
}
