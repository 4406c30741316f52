package org.deepgrad.nn;

import org.deepgrad.init.Fans;
import org.deepgrad.init.Init;
import org.deepgrad.init.Initializer;
import org.deepgrad.ops.MatMul;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * A dense (fully connected) layer, {@code y = x Wᵀ + b}, with torch's weight layout {@code [out, in]}.
 *
 * <p>Default initialization is torch's: W and b uniform in {@code ±1/√in} ({@link Init#standard()},
 * the "standard" init of Glorot &amp; Bengio 2010). That default suits shallow networks; for deep ones
 * choose an initializer that fits the activation (He for ReLU, Xavier for tanh and sigmoid), per layer
 * here or for every layer through {@link Sequential.Builder#init(Initializer)}. A chosen initializer
 * sets the weights and starts the bias at zero, as the papers that propose them do.
 */
public final class Linear extends Module {
  private final int in;
  private final int out;
  private final Parameter weight;
  private final Parameter bias;

  /** A layer with bias and torch's default initialization. */
  public Linear(int in, int out, Rng rng) {
    this(in, out, true, null, rng);
  }

  /**
   * @param bias whether the layer adds a bias
   * @param init the weight initializer, or null for torch's default (weights and bias in ±1/√in)
   */
  public Linear(int in, int out, boolean bias, Initializer init, Rng rng) {
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException("Linear needs at least one input and one output, got " + in + " -> " + out);
    }
    this.in = in;
    this.out = out;
    Tensor w = Tensor.zeros(out, in);
    (init == null ? Init.standard() : init).fill(w, rng);
    this.weight = registerParameter("weight", new Parameter(w, Parameter.Role.WEIGHT));
    if (bias) {
      Tensor b = Tensor.zeros(out);
      if (init == null) Init.standard().fill(b, Fans.of(w.shape()), rng); // torch: the bias uses the weight's fan-in
      this.bias = registerParameter("bias", new Parameter(b, Parameter.Role.BIAS));
    } else {
      this.bias = null;
    }
  }

  @Override
  public Tensor forward(Tensor x) {
    return MatMul.linear(x, weight.value(), bias == null ? null : bias.value());
  }

  @Override
  public BufferedPass bufferedPass() {
    return new LinearPass(weight.value(), bias == null ? null : bias.value());
  }

  /** The weight W, shape {@code [out, in]} as torch. */
  public Parameter weight() {
    return weight;
  }

  /** The bias, or null for a layer without one. */
  public Parameter bias() {
    return bias;
  }

  /** The number of input features (torch's {@code in_features}). */
  public int inFeatures() {
    return in;
  }

  /** The number of output features (torch's {@code out_features}). */
  public int outFeatures() {
    return out;
  }

  @Override
  public String toString() {
    return "Linear(" + in + " -> " + out + (bias == null ? ", no bias)" : ")");
  }
}
