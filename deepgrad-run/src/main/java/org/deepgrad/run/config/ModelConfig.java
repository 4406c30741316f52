package org.deepgrad.run.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.nn.ModelSpec;

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

  /** A plain MLP of hidden layers {@code widths}: ReLU, torch's init, no batch norm, dropout or residual blocks. */
  public static ModelConfig mlp(int... widths) {
    return mlp(java.util.Arrays.stream(widths).boxed().toList());
  }

  /** As {@link #mlp(int...)}. */
  public static ModelConfig mlp(List<Integer> widths) {
    return new ModelConfig(widths, Defaults.ACTIVATION, null, false, 0, false, null);
  }

  /** The explicit layers {@code layers}, before the output layer the data adds. */
  public static ModelConfig layers(List<LayerSpec> layers) {
    return new ModelConfig(null, null, null, false, 0, false, layers);
  }

  /** How a message about the model's spec names where it came from. */
  public static final String WHERE = "the model (the `model` section, --hidden, --init): ";

  /** Whether the layers are listed explicitly rather than as an MLP. */
  public boolean explicit() {
    return layers != null;
  }

  /**
   * The model's spec: the MLP form through {@link ModelSpec#mlp}, or the explicit layers; either way
   * ending in a Dense layer of {@code outputs} units without activation (logits or regression outputs).
   *
   * @throws IllegalArgumentException when the layers do not fit together (an initializer that does not suit its activation)
   */
  public ModelSpec spec(int inputs, int outputs) {
    if (!explicit()) {
      int[] widths = hidden.stream().mapToInt(Integer::intValue).toArray();
      return ModelSpec.mlp(inputs, widths, outputs, activation, init, batchNorm, dropout, residual);
    }
    List<LayerSpec> all = new ArrayList<>(layers);
    String last = null;
    for (LayerSpec l : all) if (l instanceof LayerSpec.Dense d) last = d.init();
    all.add(new LayerSpec.Dense(outputs, last));
    return new ModelSpec(inputs, all);
  }

  /**
   * The model section {@code n}; {@code preset} (null: none) gives the defaults of its MLP keys.
   *
   * @param presetKey how messages name the key that chose the preset
   */
  static ModelConfig read(ConfigNode n, Preset preset, String presetKey) {
    n.allowOnly(KEYS);
    if (n.has("layers") && preset != null) {
      throw new RunException(presetKey + " = " + preset.name() + " starts from the main job's MLP keys (batch_norm, "
          + "dropout), and " + n.describe("layers") + " lists the layers instead; give one of them.");
    }
    ModelConfig m = form(n, preset);
    try {
      m.spec(1, 1); // the initializers against the activations after them
    } catch (IllegalArgumentException e) {
      throw new RunException(ConfigNode.end(WHERE + e.getMessage()), e);
    }
    return m;
  }

  private static ModelConfig form(ConfigNode n, Preset preset) {
    if (n.has("layers")) {
      for (String k : MLP_KEYS) {
        if (n.has(k)) {
          throw new RunException(n.describe(k) + " and " + n.describe("layers") + " both describe the model; "
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

  /** This section with {@code hidden} as given; {@link TrainConfig#validated} checks it. */
  public ModelConfig withHidden(List<Integer> hidden) {
    return new ModelConfig(hidden, activation, init, batchNorm, dropout, residual, layers);
  }

  /** This section with {@code activation} as given; {@link TrainConfig#validated} checks it. */
  public ModelConfig withActivation(String activation) {
    return new ModelConfig(hidden, activation, init, batchNorm, dropout, residual, layers);
  }

  /** This section with {@code init} as given; {@link TrainConfig#validated} checks it. */
  public ModelConfig withInit(String init) {
    return new ModelConfig(hidden, activation, init, batchNorm, dropout, residual, layers);
  }

  /** This section with {@code batchNorm} as given; {@link TrainConfig#validated} checks it. */
  public ModelConfig withBatchNorm(boolean batchNorm) {
    return new ModelConfig(hidden, activation, init, batchNorm, dropout, residual, layers);
  }

  /** This section with {@code dropout} as given; {@link TrainConfig#validated} checks it. */
  public ModelConfig withDropout(double dropout) {
    return new ModelConfig(hidden, activation, init, batchNorm, dropout, residual, layers);
  }

  /** This section with {@code residual} as given; {@link TrainConfig#validated} checks it. */
  public ModelConfig withResidual(boolean residual) {
    return new ModelConfig(hidden, activation, init, batchNorm, dropout, residual, layers);
  }
}
