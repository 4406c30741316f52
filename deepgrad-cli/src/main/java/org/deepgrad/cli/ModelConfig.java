package org.deepgrad.cli;

import org.deepgrad.nn.LayerSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepgrad.nn.Activation;

/**
 * The {@code model} section: either an MLP described by its hidden widths (each hidden layer is
 * Dense → [BatchNorm] → activation → [Dropout p], wrapped in a residual block when
 * {@code residual} is set and its width is unchanged), or an explicit {@code layers} list. Either
 * way the output Dense layer (one unit per class or target) is appended to match the data. Keys
 * left out take the plain defaults of {@link Defaults}, or those of the {@link Preset} in effect.
 *
 * @param hidden the hidden widths (MLP form; empty for a linear model)
 * @param activation the activation's config name (MLP form)
 * @param init the initializer's name, or null for torch's default (MLP form)
 * @param layers the explicit layers, or null for the MLP form
 */
public record ModelConfig(List<Integer> hidden, String activation, String init, boolean batchNorm, double dropout,
    boolean residual, List<LayerSpec> layers) {
  /** The activations' config names. */
  public static final List<String> ACTIVATIONS =
      Arrays.stream(Activation.Kind.values()).map(Activation.Kind::configName).toList();
  static final List<String> MLP_KEYS = List.of("hidden", "activation", "init", "batch_norm", "dropout", "residual");
  static final List<String> KEYS = List.of("hidden", "activation", "init", "batch_norm", "dropout", "residual",
      "layers");

  /** Copies the lists. */
  public ModelConfig {
    hidden = hidden == null ? null : List.copyOf(hidden);
    layers = layers == null ? null : List.copyOf(layers);
  }

  /** Whether the layers are listed explicitly rather than as an MLP. */
  public boolean explicit() {
    return layers != null;
  }

  /**
   * The model section {@code n}; {@code preset} (null: none) gives the defaults of its MLP keys.
   *
   * @param presetKey how messages name the key that chose the preset
   */
  static ModelConfig read(ConfigNode n, Preset preset, String presetKey) {
    n.allowOnly(KEYS);
    if (n.has("layers") && preset != null) {
      throw new UsageException(presetKey + " = " + preset.name() + " starts from the main job's MLP keys (batch_norm, "
          + "dropout), and " + n.describe("layers") + " lists the layers instead; give one of them.");
    }
    ModelConfig m = form(n, preset);
    try {
      Recipe.spec(m, 1, 1); // the initializers against the activations after them
    } catch (IllegalArgumentException e) {
      throw new UsageException(ConfigNode.end(Preflight.MODEL + e.getMessage()), e);
    }
    return m;
  }

  private static ModelConfig form(ConfigNode n, Preset preset) {
    if (n.has("layers")) {
      for (String k : MLP_KEYS) {
        if (n.has(k)) {
          throw new UsageException(n.describe(k) + " and " + n.describe("layers") + " both describe the model; "
              + "give either the MLP keys (" + String.join(", ", MLP_KEYS) + ") or an explicit layers list.");
        }
      }
      return new ModelConfig(null, null, null, false, 0, false, LayerConfig.readList(n, "layers"));
    }
    return new ModelConfig(hidden(n), n.choice("activation", Defaults.ACTIVATION, ACTIVATIONS), init(n, "init"),
        n.bool("batch_norm", preset == null ? Defaults.BATCH_NORM : preset.batchNorm()),
        n.number("dropout", preset == null ? Defaults.DROPOUT : preset.dropout(), Range.closedOpen(0, 1)),
        n.bool("residual", false), null);
  }

  /** {@code hidden} as a list of widths or a {@link Hidden} spec. */
  private static List<Integer> hidden(ConfigNode n) {
    JsonNode v = n.raw("hidden");
    if (v == null) return Defaults.HIDDEN;
    if (v.isArray()) {
      List<Integer> widths = new ArrayList<>();
      for (JsonNode w : v) {
        if (!w.isIntegralNumber() || w.longValue() < 1 || w.longValue() > Hidden.MAX_WIDTH) {
          throw n.bad("hidden", "every width must be a whole number in [1, " + Hidden.MAX_WIDTH + "], found " + w);
        }
        widths.add(w.intValue());
      }
      return widths;
    }
    if (!v.isTextual() && !v.isIntegralNumber()) throw n.bad("hidden", "must be a list of widths or " + Hidden.FORMS);
    try {
      return Hidden.parse(v.asText());
    } catch (IllegalArgumentException e) {
      throw n.bad("hidden", e.getMessage());
    }
  }

  /**
   * The initializer name under {@code key}, checked against core's names ({@link LayerSpec.Dense}:
   * {@code xavier_normal}, {@code xavier_normal:auto}, ...); null when absent or {@code default}.
   */
  static String init(ConfigNode n, String key) {
    String name = n.text(key, null);
    if (name == null) return null;
    try {
      return LayerSpec.Dense.initName(name);
    } catch (IllegalArgumentException e) {
      throw n.bad(key, e.getMessage());
    }
  }
}
