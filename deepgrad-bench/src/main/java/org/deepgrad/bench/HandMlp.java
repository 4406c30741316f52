package org.deepgrad.bench;

import java.util.Arrays;
import org.deepgrad.backend.Backends;
import org.deepgrad.optim.transform.Chain;
import org.deepgrad.optim.transform.Fused;
import org.deepgrad.optim.transform.ScaleByAdam;
import org.deepgrad.optim.transform.ScaleByLearningRate;
import org.deepgrad.optim.transform.Step;

/**
 * A ReLU MLP trained by hand, the baseline of {@link TrainStepBenchmark}: torch's layout
 * ({@code W} is {@code [out, in]}), every activation, gradient and optimizer buffer allocated once,
 * the products as gemm calls with transposes folded in, the rest plain loops:
 * <pre>
 * forward   zₗ = hₗ₋₁·Wₗᵀ + bₗ     hₗ = relu(zₗ)  (not after the last layer)
 * loss      mean over rows of −log softmax(z)[label];   dz = (softmax(z) − onehot) / batch
 * backward  dWₗ = dzₗᵀ·hₗ₋₁   dbₗ = Σ_rows dzₗ   dzₗ₋₁ = (dzₗ·Wₗ) ⊙ [hₗ₋₁ &gt; 0]
 * update    the library's one-pass optimizer step ({@code Chain.fused()}) on each (weight, gradient) pair
 * </pre>
 */
final class HandMlp implements Step {
  private final int[] widths;
  private final int batch;
  private final float[][] params; // W1, b1, W2, b2, ...
  private final float[][] grads;
  private final float[][] acts; // acts[0] is the input (not owned); acts[l] the output of layer l
  private final float[][] deltas; // deltas[l]: gradient wrt layer l's pre-activation output
  private final Fused update;
  private final Object[][] states;
  private final double lr;
  private long count;

  HandMlp(int[] widths, int batch, float[][] initial, String optimizer, double lr) {
    this.widths = widths;
    this.batch = batch;
    this.lr = lr;
    int layers = widths.length - 1;
    params = new float[2 * layers][];
    grads = new float[2 * layers][];
    acts = new float[layers + 1][];
    deltas = new float[layers + 1][];
    for (int l = 1; l <= layers; l++) {
      params[2 * l - 2] = initial[2 * l - 2].clone();
      params[2 * l - 1] = initial[2 * l - 1].clone();
      if (params[2 * l - 2].length != widths[l] * widths[l - 1] || params[2 * l - 1].length != widths[l]) {
        throw new IllegalArgumentException("layer " + l + ": weights do not match widths " + widths[l - 1] + "->"
            + widths[l]);
      }
      grads[2 * l - 2] = new float[widths[l] * widths[l - 1]];
      grads[2 * l - 1] = new float[widths[l]];
      acts[l] = new float[batch * widths[l]];
      deltas[l] = new float[batch * widths[l]];
    }
    Chain chain = optimizer.equals("adam")
        ? Chain.of(new ScaleByAdam(0.9, 0.999, 1e-8, false), new ScaleByLearningRate())
        : Chain.of(new ScaleByLearningRate());
    update = chain.fused();
    states = new Object[params.length][];
    for (int i = 0; i < params.length; i++) states[i] = chain.init(params[i].length);
  }

  /** One step on {@code x} ({@code [batch, widths[0]]}) and its labels; returns the mean loss. */
  float step(float[] x, int[] labels) {
    int layers = widths.length - 1;
    acts[0] = x;
    for (int l = 1; l <= layers; l++) {
      int in = widths[l - 1];
      int out = widths[l];
      float[] z = acts[l];
      float[] bias = params[2 * l - 1];
      for (int r = 0; r < batch; r++) System.arraycopy(bias, 0, z, r * out, out);
      Backends.current().gemm(false, true, batch, out, in, 1f, acts[l - 1], 0, in, params[2 * l - 2], 0, in, 1f, z, 0, out);
      if (l < layers) {
        for (int i = 0; i < z.length; i++) z[i] = Math.max(z[i], 0f);
      }
    }
    float loss = softmaxCrossEntropy(acts[layers], deltas[layers], labels, widths[layers]);
    for (int l = layers; l >= 1; l--) {
      int in = widths[l - 1];
      int out = widths[l];
      float[] dz = deltas[l];
      Backends.current().gemm(true, false, out, in, batch, 1f, dz, 0, out, acts[l - 1], 0, in, 0f, grads[2 * l - 2], 0, in);
      float[] db = grads[2 * l - 1];
      Arrays.fill(db, 0f);
      for (int r = 0; r < batch; r++) {
        for (int j = 0; j < out; j++) db[j] += dz[r * out + j];
      }
      if (l > 1) {
        float[] prev = deltas[l - 1];
        Backends.current().gemm(false, false, batch, in, out, 1f, dz, 0, out, params[2 * l - 2], 0, in, 0f, prev, 0, in);
        float[] h = acts[l - 1];
        for (int i = 0; i < prev.length; i++) prev[i] = h[i] > 0 ? prev[i] : 0f;
      }
    }
    count++;
    for (int i = 0; i < params.length; i++) update.apply(states[i], grads[i], params[i], this, 0, params[i].length);
    return loss;
  }

  /** The last step's gradient of parameter {@code i}, in the order W1, b1, W2, b2, ... (live). */
  float[] grad(int i) {
    return grads[i];
  }

  /** Mean cross-entropy of logits {@code z}; writes {@code (softmax − onehot)/batch} to {@code dz}. */
  private float softmaxCrossEntropy(float[] z, float[] dz, int[] labels, int classes) {
    double total = 0;
    float inv = 1f / batch;
    for (int r = 0; r < batch; r++) {
      int o = r * classes;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < classes; j++) max = Math.max(max, z[o + j]);
      float sum = 0;
      for (int j = 0; j < classes; j++) sum += dz[o + j] = (float) Math.exp(z[o + j] - max);
      float scale = inv / sum;
      for (int j = 0; j < classes; j++) dz[o + j] *= scale;
      dz[o + labels[r]] -= inv;
      total += Math.log(sum) + max - z[o + labels[r]];
    }
    return (float) (total / batch);
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public double lr() {
    return lr;
  }
}
