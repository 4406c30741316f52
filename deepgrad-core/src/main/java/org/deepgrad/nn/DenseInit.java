package org.deepgrad.nn;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.deepgrad.init.FanMode;
import org.deepgrad.init.Gain;
import org.deepgrad.init.Init;
import org.deepgrad.init.Initializer;
import org.deepgrad.init.Nonlinearity;

/**
 * The initializer of a {@link LayerSpec.Dense} from its name, the one rule for building, describing
 * and checking a spec:
 *
 * <pre>
 * null (config: default)   torch's nn.Linear default: weights and biases U(±1/√fanIn)
 * NAME                     Init.byName(NAME), torch's default arguments whatever the activation:
 *                          xavier_* and orthogonal gain 1, kaiming_* a = 0, fan_in, leaky_relu (gain √2)
 * NAME:auto                xavier_*, kaiming_*, orthogonal with the activation after the layer:
 *                          gain = calculate_gain(act) (kaiming: nonlinearity = act, a = its slope)
 * </pre>
 *
 * <p>The activation after a dense layer is the first one before the next dense or residual layer
 * (normalization and dropout are skipped); none means linear, gain 1. {@code :auto} before an
 * activation torch's {@code calculate_gain} does not know (elu, gelu, softplus, softsign, hardtanh) is
 * an error, as it is in torch.
 */
final class DenseInit {
  /** The suffix that asks for the gain of the activation after the layer. */
  static final String AUTO = ":auto";
  /** The name configs and model files give torch's default, which a spec holds as null. */
  static final String DEFAULT = "default";
  /** The names whose torch functions take a gain or a nonlinearity, so {@code :auto} applies. */
  static final List<String> AUTO_NAMES = List.of("xavier_uniform", "xavier_normal", "kaiming_uniform",
      "kaiming_normal", "orthogonal");

  private DenseInit() {}

  /**
   * {@code name} trimmed and in lower case, or null for torch's default (null or {@code default}).
   *
   * @throws IllegalArgumentException for an unknown name, or {@code :auto} on a name without a gain
   */
  static String normalize(String name) {
    if (name == null) return null;
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals(DEFAULT)) return null;
    if (n.endsWith(AUTO)) {
      String base = n.substring(0, n.length() - AUTO.length());
      Init.byName(base); // throws listing the valid names
      if (!AUTO_NAMES.contains(base)) {
        throw new IllegalArgumentException("initializer '" + name + "': " + AUTO + " matches the gain to the "
            + "activation, which only " + AUTO_NAMES + " take (as torch's functions do); " + base
            + " has a fixed scale, so give it without " + AUTO);
      }
      return n;
    }
    Init.byName(n);
    return n;
  }

  /** The initializer of the dense layer {@code layers[i]}; null for torch's default. */
  static Initializer of(List<LayerSpec> layers, int i) {
    String name = ((LayerSpec.Dense) layers.get(i)).init();
    if (name == null) return null;
    if (!name.endsWith(AUTO)) return Init.byName(name);
    String base = name.substring(0, name.length() - AUTO.length());
    Activation.Kind next = following(layers, i);
    Nonlinearity nl = nonlinearity(next);
    if (nl == null) {
      throw new IllegalArgumentException("initializer " + name + " takes its gain from the activation after the "
          + "layer, " + next.configName() + ", and torch's calculate_gain has none for it; use " + base
          + " (torch's default arguments), or an activation of identity, sigmoid, tanh, relu, leaky_relu");
    }
    double slope = nl == Nonlinearity.LEAKY_RELU ? Gain.DEFAULT_NEGATIVE_SLOPE : 0; // Activation's default slope
    double gain = Gain.calculate(nl, slope);
    return switch (base) {
      case "xavier_uniform" -> Init.xavierUniform(gain);
      case "xavier_normal" -> Init.xavierNormal(gain);
      case "orthogonal" -> Init.orthogonal(gain);
      case "kaiming_uniform" -> Init.kaimingUniform(slope, FanMode.FAN_IN, nl);
      default -> Init.kaimingNormal(slope, FanMode.FAN_IN, nl);
    };
  }

  /** The gain the dense layer {@code layers[i]} is drawn with; empty for initializers without one. */
  static OptionalDouble gain(List<LayerSpec> layers, int i) {
    Initializer init = of(layers, i);
    return init == null ? OptionalDouble.empty() : Init.gainOf(init);
  }

  /** Checks every dense layer's initializer resolves, in residual bodies too. */
  static void check(List<LayerSpec> layers) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof LayerSpec.Dense) of(layers, i);
      else if (layers.get(i) instanceof LayerSpec.Residual r) check(r.body());
    }
  }

  /** The activation after {@code layers[i]}, before the next dense or residual layer; null if none. */
  private static Activation.Kind following(List<LayerSpec> layers, int i) {
    for (LayerSpec l : layers.subList(i + 1, layers.size())) {
      if (l instanceof LayerSpec.Act a) return Activation.byName(a.name()).kind();
      if (l instanceof LayerSpec.Dense || l instanceof LayerSpec.Residual) return null;
    }
    return null;
  }

  /** torch's name for {@code kind} in calculate_gain; LINEAR for none; null when torch has no gain for it. */
  private static Nonlinearity nonlinearity(Activation.Kind kind) {
    if (kind == null) return Nonlinearity.LINEAR;
    return switch (kind) {
      case IDENTITY -> Nonlinearity.LINEAR;
      case SIGMOID -> Nonlinearity.SIGMOID;
      case TANH -> Nonlinearity.TANH;
      case RELU -> Nonlinearity.RELU;
      case LEAKY_RELU -> Nonlinearity.LEAKY_RELU;
      default -> null;
    };
  }
}
