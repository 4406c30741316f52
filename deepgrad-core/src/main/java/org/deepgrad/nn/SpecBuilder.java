package org.deepgrad.nn;

import java.util.List;
import org.deepgrad.init.FanMode;
import org.deepgrad.init.Gain;
import org.deepgrad.init.Init;
import org.deepgrad.init.Initializer;
import org.deepgrad.init.Nonlinearity;
import org.deepgrad.tensor.Rng;

/**
 * Builds the {@link Sequential} a {@link ModelSpec} describes, through {@link Sequential#builder}, and
 * picks each dense layer's initializer with the gain of the activation that follows it (the rule is
 * in {@link LayerSpec.Dense}).
 */
final class SpecBuilder {
  private SpecBuilder() {}

  static Sequential build(ModelSpec spec, Rng rng) {
    return add(Sequential.builder(spec.inputs(), rng), spec.layers()).build();
  }

  private static Sequential.Builder add(Sequential.Builder b, List<LayerSpec> layers) {
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec l = layers.get(i);
      if (l instanceof LayerSpec.Dense d) {
        b.init(initializer(d.init(), following(layers, i))).dense(d.units());
      } else if (l instanceof LayerSpec.Act a) {
        b.add(Activation.byName(a.name()));
      } else if (l instanceof LayerSpec.BatchNorm) {
        b.batchNorm();
      } else if (l instanceof LayerSpec.LayerNorm) {
        b.layerNorm();
      } else if (l instanceof LayerSpec.Dropout d) {
        b.dropout((float) d.p());
      } else {
        b.residual(inner -> add(inner, ((LayerSpec.Residual) l).body()));
      }
    }
    return b;
  }

  /** The activation after {@code layers[i]}, before the next dense or residual layer; null if none. */
  private static Activation.Kind following(List<LayerSpec> layers, int i) {
    for (LayerSpec l : layers.subList(i + 1, layers.size())) {
      if (l instanceof LayerSpec.Act a) return Activation.byName(a.name()).kind();
      if (l instanceof LayerSpec.Dense || l instanceof LayerSpec.Residual) return null;
    }
    return null;
  }

  /** The initializer {@code name} for a layer followed by {@code next} (null: none, i.e. linear). */
  private static Initializer initializer(String name, Activation.Kind next) {
    if (name == null) return null;
    Nonlinearity nl = next == null ? Nonlinearity.LINEAR : switch (next) {
      case IDENTITY -> Nonlinearity.LINEAR;
      case SIGMOID -> Nonlinearity.SIGMOID;
      case TANH -> Nonlinearity.TANH;
      case RELU -> Nonlinearity.RELU;
      case LEAKY_RELU -> Nonlinearity.LEAKY_RELU;
      default -> null; // torch's calculate_gain has no gain for it
    };
    if (nl == null) return Init.byName(name);
    double slope = nl == Nonlinearity.LEAKY_RELU ? Gain.DEFAULT_NEGATIVE_SLOPE : 0; // Activation's default
    double gain = Gain.calculate(nl, slope);
    return switch (name) {
      case "xavier_uniform" -> Init.xavierUniform(gain);
      case "xavier_normal" -> Init.xavierNormal(gain);
      case "orthogonal" -> Init.orthogonal(gain);
      case "kaiming_uniform" -> Init.kaimingUniform(slope, FanMode.FAN_IN, nl);
      case "kaiming_normal" -> Init.kaimingNormal(slope, FanMode.FAN_IN, nl);
      default -> Init.byName(name);
    };
  }
}
