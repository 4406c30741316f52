package org.deepgrad.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.Linear;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Sequential;
import org.deepgrad.ops.Activations;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.ops.Shaping;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Greedy layer-wise pre-training of an MLP's hidden layers as denoising auto-encoders, before
 * supervised fine-tuning of the whole network (Hinton, Osindero &amp; Teh 2006; Bengio et al. 2007;
 * Vincent et al. 2008).
 *
 * <p>The network is read as blocks, each a {@link Linear} and the layers after it up to the next
 * {@code Linear}; every block but the last (the output layer) is a hidden layer. For hidden layer k,
 * with h the (clean) representation its input receives from the layers below, already trained:
 *
 * <pre>
 * h̃ = h ⊙ m,  m ~ Bernoulli(1 − corruption)      masking noise
 * r = d(W_d · block_k(h̃) + b_d)                   a fresh decoder, d = sigmoid when h ⊆ [0, 1]
 * minimise ‖r − h‖² / n   over block_k and the decoder (Adam), for the given epochs
 * </pre>
 *
 * then h ← block_k(h) (evaluation mode) feeds the next layer. The decoders are thrown away; the
 * caller then trains the whole network on labels as usual ("fine-tuning").
 *
 * <p>One of the tutorial articles calls this "cyclic pre-training" and gives an update formula that
 * does not match any published method; this class implements the technique of the papers above.
 */
public final class LayerwisePretraining {
  private LayerwisePretraining() {}

  /**
   * @param epochs passes over the inputs per hidden layer
   * @param batchSize mini-batch size
   * @param corruption fraction of inputs zeroed by the masking noise, in [0, 1); 0 gives a plain auto-encoder
   * @param lr Adam's learning rate
   * @param seed for the shuffling, the noise and the decoders' initial weights
   */
  public record Settings(int epochs, int batchSize, float corruption, double lr, long seed) {
    /** Validates: epochs >= 1, batchSize >= 1, corruption in [0, 1), lr > 0. */
    public Settings {
      if (epochs < 1) throw new IllegalArgumentException("pre-training epochs must be >= 1, got " + epochs);
      if (batchSize < 1) throw new IllegalArgumentException("pre-training batchSize must be >= 1, got " + batchSize);
      if (!(corruption >= 0 && corruption < 1)) {
        throw new IllegalArgumentException("corruption must be in [0, 1), got " + corruption
            + "; 0.1 to 0.3 is usual for denoising auto-encoders");
      }
      if (!(lr > 0)) throw new IllegalArgumentException("pre-training lr must be > 0, got " + lr);
    }

    /** 2 epochs, batch 64, corruption 0.2, lr 1e-3, seed 0. */
    public static Settings defaults() {
      return new Settings(2, 64, 0.2f, 1e-3, 0);
    }
  }

  /** How one hidden layer's reconstruction error moved: mean loss of its first and last epoch. */
  public record LayerReport(int layer, int in, int out, double firstEpochLoss, double lastEpochLoss) {}

  /**
   * Pre-trains every hidden layer of {@code model} on {@code inputs} ([n, features]) in place and
   * returns one report per hidden layer.
   */
  public static List<LayerReport> pretrain(Sequential model, Tensor inputs, Settings settings) {
    List<List<Module>> blocks = blocks(model);
    if (blocks.size() < 2) {
      throw new IllegalArgumentException("layer-wise pre-training needs at least one hidden layer before the output layer; "
          + "the model has " + blocks.size() + " Linear layer(s)");
    }
    Rng rng = new Rng(settings.seed());
    List<LayerReport> reports = new ArrayList<>();
    Tensor h = inputs.detach();
    for (int k = 0; k < blocks.size() - 1; k++) {
      Sequential encoder = new Sequential(blocks.get(k));
      Linear first = (Linear) blocks.get(k).get(0);
      reports.add(trainLayer(k, first, encoder, h, settings, rng));
      encoder.eval();
      try (NoGrad scope = NoGrad.enter()) {
        h = encoder.forward(h);
      }
      encoder.train(true);
    }
    return reports;
  }

  private static LayerReport trainLayer(int k, Linear first, Sequential encoder, Tensor h, Settings s, Rng rng) {
    Linear decoder = new Linear(first.outFeatures(), first.inFeatures(), rng);
    boolean unitRange = within01(h.data());
    Sequential autoencoder = new Sequential(encoder, decoder);
    Optimizer opt = Optimizers.adam(autoencoder.namedParameters(), Adam.defaults().lr(s.lr()));
    int n = h.dim(0);
    double firstLoss = Double.NaN;
    double lastLoss = Double.NaN;
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      int[] order = rng.permutation(n);
      double sum = 0;
      int batches = 0;
      for (int from = 0; from < n; from += s.batchSize()) {
        int[] rows = Arrays.copyOfRange(order, from, Math.min(n, from + s.batchSize()));
        Tensor clean = Shaping.indexRows(h, rows);
        Tensor noisy = Arithmetic.mul(clean, mask(clean.shape().dims(), s.corruption(), rng));
        Tensor r = decoder.forward(encoder.forward(noisy));
        if (unitRange) r = Activations.sigmoid(r);
        Tensor loss = Loss.mse(r, clean);
        opt.zeroGrad();
        Autograd.backward(loss);
        opt.step();
        sum += loss.item();
        batches++;
      }
      if (epoch == 0) firstLoss = sum / batches;
      lastLoss = sum / batches;
    }
    return new LayerReport(k, first.inFeatures(), first.outFeatures(), firstLoss, lastLoss);
  }

  /** The model's layers split at each {@link Linear}. */
  private static List<List<Module>> blocks(Sequential model) {
    List<List<Module>> blocks = new ArrayList<>();
    for (Module m : model.layers()) {
      if (m instanceof Linear) blocks.add(new ArrayList<>());
      if (blocks.isEmpty()) {
        throw new IllegalArgumentException("layer-wise pre-training needs the model to start with a Linear layer; "
            + "it starts with " + m);
      }
      blocks.get(blocks.size() - 1).add(m);
    }
    return blocks;
  }

  private static Tensor mask(int[] dims, float corruption, Rng rng) {
    Tensor m = Tensor.zeros(dims);
    float[] d = m.data();
    for (int i = 0; i < d.length; i++) d[i] = rng.nextDouble() < corruption ? 0f : 1f;
    return m;
  }

  private static boolean within01(float[] v) {
    for (float x : v) if (x < 0f || x > 1f) return false;
    return true;
  }
}
