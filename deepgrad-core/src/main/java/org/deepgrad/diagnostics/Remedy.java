package org.deepgrad.diagnostics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fix from the literature as a change of the run a tool can make: what to change ({@link Kind}),
 * where (the layers, by the module path of their Linear; empty for the whole run) and how much (the
 * parameters, e.g. {@code factor} 0.1 for {@link Kind#LR_DOWN}). {@link #text()} says it in words.
 *
 * @param kind the change
 * @param layers the layers it applies to, in depth order; empty when it concerns the whole run
 * @param parameters the change's numbers by name, in the order to show them
 */
public record Remedy(Kind kind, List<String> layers, Map<String, Double> parameters) {

  /** Copies the collections, keeping the order of the parameters. */
  public Remedy {
    Objects.requireNonNull(kind, "kind");
    layers = List.copyOf(layers);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** {@code kind} over the whole run, with its default parameters. */
  public static Remedy of(Kind kind) {
    return new Remedy(kind, List.of(), kind.defaults());
  }

  /** {@code kind} on {@code layers}, with its default parameters. */
  public static Remedy on(Kind kind, List<String> layers) {
    return new Remedy(kind, layers, kind.defaults());
  }

  /** What to do, in one line, naming the layers and the numbers. */
  public String text() {
    return switch (kind) {
      case INIT_HE -> "initialize " + where("the ReLU-family layers") + " with He (Kaiming) init, std √(2/fan-in)";
      case INIT_XAVIER -> "initialize " + where("the tanh, sigmoid and softsign layers")
          + " with Xavier (Glorot) init, std √(2/(fan-in+fan-out))";
      case ACTIVATION_RELU -> "replace the sigmoid or tanh of " + where("the saturating layers")
          + " by ReLU or Leaky ReLU, which do not saturate for positive inputs";
      case ACTIVATION_LEAKY_RELU -> "use Leaky ReLU (negative slope " + History.plain(parameters.get("negative_slope"))
          + ") or ELU in " + where("the ReLU layers") + " so that inactive units keep a gradient";
      case BATCH_NORM -> "add batch normalization after " + where("the dense layers");
      case RESIDUAL -> "add residual connections, whose identity path carries the gradient back unattenuated";
      case SHALLOWER -> "use at most " + History.plain(parameters.get("depth")) + " hidden layer"
          + (parameters.get("depth") == 1 ? "" : "s") + ", so that the gradient passes through fewer layers that shrink it";
      case OPTIMIZER_ADAM -> "use an adaptive optimizer such as Adam, which scales each parameter's step by its own "
          + "gradient history";
      case LR_DOWN -> "lower the learning rate by a factor of " + History.plain(1 / parameters.get("factor"));
      case LR_UP -> "raise the learning rate by a factor of " + History.plain(parameters.get("factor"));
      case CLIP_NORM -> "clip the global gradient norm, e.g. at " + History.plain(parameters.get("max_norm"))
          + " (1 to 5 is usual)";
      case STANDARDIZE_INPUTS -> "standardize the inputs: subtract each feature's training mean and divide by its "
          + "standard deviation";
      case CHECK_INPUTS -> "check how the inputs are read: remove or impute NaN and infinite values, drop features "
          + "that never change";
    };
  }

  /** Where the fix comes from. */
  public String reference() {
    return kind.reference;
  }

  /** "layer 0", "layers 0, 2", "layers 0, 2, 4, ..., 58 (30 layers)", or {@code all} when the remedy names no layer. */
  private String where(String all) {
    if (layers.isEmpty()) return all;
    if (layers.size() == 1) return "layer " + layers.get(0);
    if (layers.size() <= 6) return "layers " + String.join(", ", layers);
    return "layers " + String.join(", ", layers.subList(0, 3)) + ", ..., " + layers.get(layers.size() - 1) + " ("
        + layers.size() + " layers)";
  }

  /** The changes a remedy can make, each with the reference that proposes it. */
  public enum Kind {
    /** He (Kaiming) initialization of the named layers. */
    INIT_HE("He et al. 2015"),
    /** Xavier (Glorot) initialization of the named layers. */
    INIT_XAVIER("Glorot & Bengio 2010"),
    /** ReLU instead of the named layers' saturating activation. */
    ACTIVATION_RELU("Glorot, Bordes & Bengio 2011; Maas et al. 2013"),
    /** Leaky ReLU ({@code negative_slope}) instead of the named layers' ReLU. */
    ACTIVATION_LEAKY_RELU("Maas et al. 2013; Clevert et al. 2016"),
    /** Batch normalization after the named layers' Linear. */
    BATCH_NORM("Ioffe & Szegedy 2015"),
    /** Residual connections around the hidden blocks. */
    RESIDUAL("He et al. 2016"),
    /** Fewer hidden layers: at most {@code depth}. */
    SHALLOWER("He et al. 2016, the degradation of deeper plain networks"),
    /** An adaptive optimizer, Adam. */
    OPTIMIZER_ADAM("Kingma & Ba 2015"),
    /** The learning rate times {@code factor} (&lt; 1). */
    LR_DOWN("Bengio 2012, Practical recommendations"),
    /** The learning rate times {@code factor} (&gt; 1). */
    LR_UP("Bengio 2012, Practical recommendations"),
    /** Clipping of the global gradient norm at {@code max_norm}. */
    CLIP_NORM("Pascanu, Mikolov & Bengio 2013"),
    /** Per-feature standardization of the inputs with the training split's statistics. */
    STANDARDIZE_INPUTS("LeCun et al. 1998, Efficient BackProp"),
    /** A look at the data: no change a tool can make for the user. */
    CHECK_INPUTS("LeCun et al. 1998, Efficient BackProp");

    private final String reference;

    Kind(String reference) {
      this.reference = reference;
    }

    /** The parameters a remedy of this kind takes unless told otherwise. */
    Map<String, Double> defaults() {
      return switch (this) {
        case LR_DOWN -> Map.of("factor", 0.1);
        case LR_UP -> Map.of("factor", 10.0);
        case CLIP_NORM -> Map.of("max_norm", 1.0);
        case ACTIVATION_LEAKY_RELU -> Map.of("negative_slope", 0.01); // torch's default
        default -> Map.of();
      };
    }
  }
}
