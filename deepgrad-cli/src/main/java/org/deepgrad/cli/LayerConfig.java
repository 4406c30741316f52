package org.deepgrad.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One item of an explicit {@code model.layers} list, as the model file's layer JSON writes it:
 * <pre>
 * {type: dense, units: 128, init: he_normal}   init optional (torch's default)
 * {type: batch_norm}  {type: layer_norm}
 * {type: activation, name: relu}
 * {type: dropout, p: 0.2}                      p optional (torch's default 0.5)
 * {type: residual, body: [ ...layers... ]}     x + body(x); the body keeps the width
 * </pre>
 */
public sealed interface LayerConfig {
  /** The layer types. */
  List<String> TYPES = List.of("dense", "batch_norm", "layer_norm", "activation", "dropout", "residual");

  /** A fully connected layer of {@code units} outputs; {@code init} null means torch's default. */
  record Dense(int units, String init) implements LayerConfig {}

  /** An element-wise activation, by its config name. */
  record Act(String name) implements LayerConfig {}

  /** BatchNorm1d over the features. */
  record BatchNorm() implements LayerConfig {}

  /** LayerNorm over the features. */
  record LayerNorm() implements LayerConfig {}

  /** Dropout with drop probability {@code p} in [0, 1). */
  record Dropout(double p) implements LayerConfig {}

  /** {@code x + body(x)}. */
  record Residual(List<LayerConfig> body) implements LayerConfig {
    /** Copies the body. */
    public Residual {
      body = List.copyOf(body);
    }
  }

  /** The layers of the list under {@code key} of {@code parent}, which must not be empty. */
  static List<LayerConfig> readList(ConfigNode parent, String key) {
    List<LayerConfig> layers = new ArrayList<>();
    for (ConfigNode item : parent.sections(key)) layers.add(read(item));
    if (layers.isEmpty()) throw parent.bad(key, "must be a non-empty list of layers");
    return layers;
  }

  private static LayerConfig read(ConfigNode n) {
    if (!n.has("type")) throw new UsageException(n.describe("type") + " is missing: every layer needs a type, one of "
        + String.join(", ", TYPES) + ".");
    String type = n.choice("type", null, TYPES);
    return switch (type) {
      case "dense" -> {
        n.allowOnly(List.of("type", "units", "init"));
        if (!n.has("units")) throw new UsageException(n.describe("units") + " is missing: a dense layer needs its width.");
        yield new Dense((int) n.whole("units", 0, 1, Hidden.MAX_WIDTH), ModelConfig.init(n, "init"));
      }
      case "activation" -> {
        n.allowOnly(List.of("type", "name"));
        if (!n.has("name")) throw new UsageException(n.describe("name") + " is missing: name the activation, one of "
            + String.join(", ", ModelConfig.ACTIVATIONS) + ".");
        yield new Act(n.choice("name", null, ModelConfig.ACTIVATIONS));
      }
      case "dropout" -> {
        n.allowOnly(List.of("type", "p"));
        yield new Dropout(n.number("p", 0.5, Range.closedOpen(0, 1)));
      }
      case "residual" -> {
        n.allowOnly(List.of("type", "body"));
        yield new Residual(readList(n, "body"));
      }
      case "batch_norm" -> {
        n.allowOnly(List.of("type"));
        yield new BatchNorm();
      }
      default -> {
        n.allowOnly(List.of("type"));
        yield new LayerNorm();
      }
    };
  }
}
