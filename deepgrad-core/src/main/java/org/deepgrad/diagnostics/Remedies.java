package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.deepgrad.nn.Activation;

/** The remedies that suit given layers, each aimed at the layers it concerns; none aimed at no layer. */
final class Remedies {
  private Remedies() {}

  /** Xavier init on the saturating layers (sigmoid, tanh, softsign), He init on the ReLU-family ones. */
  static List<Remedy> inits(List<LayerInfo> layers) {
    List<Remedy> out = new ArrayList<>();
    add(out, Remedy.Kind.INIT_XAVIER, layers, l -> saturating(l.activation()));
    add(out, Remedy.Kind.INIT_HE, layers, l -> l.activation() == Activation.Kind.RELU
        || l.activation() == Activation.Kind.LEAKY_RELU);
    return out;
  }

  /** {@link #inits}, then ReLU for the saturating layers and {@link #batchNorm}. */
  static List<Remedy> fitting(List<LayerInfo> layers) {
    List<Remedy> out = inits(layers);
    add(out, Remedy.Kind.ACTIVATION_RELU, layers, l -> saturating(l.activation()));
    out.addAll(batchNorm(layers));
    return out;
  }

  /** Batch norm after the hidden layers (those with an activation) that have no normalization. */
  static List<Remedy> batchNorm(List<LayerInfo> layers) {
    List<Remedy> out = new ArrayList<>();
    add(out, Remedy.Kind.BATCH_NORM, layers, l -> l.activation() != Activation.Kind.IDENTITY && !l.normalized());
    return out;
  }

  /** Leaky ReLU for the plain ReLU layers. */
  static List<Remedy> leakyRelu(List<LayerInfo> layers) {
    List<Remedy> out = new ArrayList<>();
    add(out, Remedy.Kind.ACTIVATION_LEAKY_RELU, layers, l -> l.activation() == Activation.Kind.RELU);
    return out;
  }

  /** Whether {@code kind} saturates at both ends (sigmoid, tanh, softsign). */
  static boolean saturating(Activation.Kind kind) {
    return kind == Activation.Kind.SIGMOID || kind == Activation.Kind.TANH || kind == Activation.Kind.SOFTSIGN;
  }

  /** Adds {@code kind} aimed at the layers that pass {@code aim}, if any does. */
  private static void add(List<Remedy> out, Remedy.Kind kind, List<LayerInfo> layers, Predicate<LayerInfo> aim) {
    List<String> names = layers.stream().filter(aim).map(LayerInfo::name).toList();
    if (!names.isEmpty()) out.add(Remedy.on(kind, names));
  }
}
