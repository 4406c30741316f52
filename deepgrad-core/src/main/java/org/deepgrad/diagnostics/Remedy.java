package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.nn.Activation;

/** A fix from the literature, with the reference that proposes it. */
public enum Remedy {
  /** He (Kaiming) initialization. */
  HE_INIT("initialize ReLU-family layers with He (Kaiming) init, std √(2/fan-in)", "He et al. 2015"),
  /** Xavier (Glorot) initialization. */
  XAVIER_INIT("initialize tanh, sigmoid and softsign layers with Xavier (Glorot) init, std √(2/(fan-in+fan-out))",
      "Glorot & Bengio 2010"),
  /** Non-saturating activations. */
  RELU("replace sigmoid or tanh by ReLU or Leaky ReLU, which do not saturate for positive inputs",
      "Glorot, Bordes & Bengio 2011; Maas et al. 2013"),
  /** An activation with a gradient everywhere. */
  LEAKY_RELU("use Leaky ReLU or ELU so that inactive units keep a gradient", "Maas et al. 2013; Clevert et al. 2016"),
  /** Batch normalization. */
  BATCH_NORM("add batch normalization after the dense layers", "Ioffe & Szegedy 2015"),
  /** Residual connections. */
  RESIDUAL("add residual connections, whose identity path carries the gradient back unattenuated", "He et al. 2016"),
  /** Gradient clipping. */
  CLIP_GRADIENTS("clip the global gradient norm (e.g. at 1 to 5)", "Pascanu, Mikolov & Bengio 2013"),
  /** A smaller learning rate. */
  LOWER_LR("lower the learning rate, e.g. by a factor of 10", "Bengio 2012, Practical recommendations"),
  /** A larger learning rate. */
  HIGHER_LR("raise the learning rate, e.g. by a factor of 10", "Bengio 2012, Practical recommendations"),
  /** An adaptive optimizer. */
  ADAPTIVE_OPTIMIZER("use an adaptive optimizer such as Adam, which scales each parameter's step by its own gradient history",
      "Kingma & Ba 2015"),
  /** Clean, standardized inputs. */
  CHECK_INPUTS("check the inputs for NaN, infinities and extreme values, and standardize them",
      "LeCun et al. 1998, Efficient BackProp");

  private final String text;
  private final String reference;

  Remedy(String text, String reference) {
    this.text = text;
    this.reference = reference;
  }

  /** What to do, in one line. */
  public String text() {
    return text;
  }

  /** Where the fix comes from. */
  public String reference() {
    return reference;
  }

  /** The initializations that suit these layers' activations (Xavier for saturating ones, He for ReLU). */
  static List<Remedy> inits(List<LayerInfo> layers) {
    List<Remedy> out = new ArrayList<>();
    if (layers.stream().anyMatch(l -> saturating(l.activation()))) out.add(XAVIER_INIT);
    if (layers.stream().anyMatch(l -> l.activation() == Activation.Kind.RELU
        || l.activation() == Activation.Kind.LEAKY_RELU)) out.add(HE_INIT);
    return out;
  }

  /** {@link #inits}, then ReLU for saturating activations and batch norm where a hidden layer has none. */
  static List<Remedy> fitting(List<LayerInfo> layers) {
    List<Remedy> out = inits(layers);
    if (layers.stream().anyMatch(l -> saturating(l.activation()))) out.add(RELU);
    if (unnormalized(layers)) out.add(BATCH_NORM);
    return out;
  }

  /** Whether a hidden layer (one with an activation) has no normalization. */
  static boolean unnormalized(List<LayerInfo> layers) {
    return layers.stream().anyMatch(l -> l.activation() != Activation.Kind.IDENTITY && !l.normalized());
  }

  /** Whether {@code kind} saturates at both ends (sigmoid, tanh, softsign). */
  static boolean saturating(Activation.Kind kind) {
    return kind == Activation.Kind.SIGMOID || kind == Activation.Kind.TANH || kind == Activation.Kind.SOFTSIGN;
  }
}
