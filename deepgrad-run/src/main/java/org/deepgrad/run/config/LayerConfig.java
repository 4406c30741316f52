package org.deepgrad.run.config;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.nn.LayerSpec;

/**
 * Reads an explicit {@code model.layers} list into core's {@link LayerSpec}s, with the keys the
 * model file's layer JSON uses:
 * <pre>
 * {type: dense, units: 128, init: he_normal}   init optional (default: torch's)
 * {type: batch_norm, eps: 1e-5, momentum: 0.1} {type: layer_norm, eps: 1e-5}   eps, momentum optional (torch's)
 * {type: activation, name: relu}
 * {type: dropout, p: 0.2}                      p optional (torch's default 0.5)
 * {type: residual, body: [ ...layers... ]}     x + body(x); the body keeps the width
 * </pre>
 */
final class LayerConfig {
  /** The layer types. */
  static final List<String> TYPES = List.of("dense", "batch_norm", "layer_norm", "activation", "dropout", "residual");

  private LayerConfig() {}

  /** The layers of the list under {@code key} of {@code parent}, which must not be empty. */
  static List<LayerSpec> readList(ConfigNode parent, String key) {
    List<LayerSpec> layers = new ArrayList<>();
    for (ConfigNode item : parent.sections(key)) layers.add(read(item));
    if (layers.isEmpty()) throw parent.bad(key, "must be a non-empty list of layers");
    return layers;
  }

  private static LayerSpec read(ConfigNode n) {
    if (!n.has("type")) throw new RunException(n.describe("type") + " is missing: every layer needs a type, one of "
        + String.join(", ", TYPES) + ".");
    String type = n.choice("type", null, TYPES);
    return switch (type) {
      case "dense" -> {
        n.allowOnly(List.of("type", "units", "init"));
        if (!n.has("units")) throw new RunException(n.describe("units") + " is missing: a dense layer needs its width.");
        yield new LayerSpec.Dense((int) n.whole("units", 0, 1, Hidden.MAX_WIDTH), ModelConfig.init(n, "init"));
      }
      case "activation" -> {
        n.allowOnly(List.of("type", "name"));
        if (!n.has("name")) throw new RunException(n.describe("name") + " is missing: name the activation, one of "
            + String.join(", ", ModelConfig.ACTIVATIONS) + ".");
        yield new LayerSpec.Act(n.choice("name", null, ModelConfig.ACTIVATIONS));
      }
      case "dropout" -> {
        n.allowOnly(List.of("type", "p"));
        yield new LayerSpec.Dropout(n.number("p", 0.5, Range.closedOpen(0, 1)));
      }
      case "residual" -> {
        n.allowOnly(List.of("type", "body"));
        yield new LayerSpec.Residual(readList(n, "body"));
      }
      case "batch_norm" -> {
        n.allowOnly(List.of("type", "eps", "momentum"));
        yield new LayerSpec.BatchNorm(eps(n), n.number("momentum", LayerSpec.BatchNorm.MOMENTUM, new Range(0, true, 1, true)));
      }
      default -> {
        n.allowOnly(List.of("type", "eps"));
        yield new LayerSpec.LayerNorm(eps(n));
      }
    };
  }

  /** A norm layer's {@code eps}: torch's 1e-5 when absent, else a number > 0. */
  private static double eps(ConfigNode n) {
    return n.number("eps", LayerSpec.BatchNorm.EPS, new Range(0, false, Double.POSITIVE_INFINITY, false));
  }
}
