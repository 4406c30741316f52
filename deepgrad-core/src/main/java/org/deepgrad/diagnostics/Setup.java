package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.deepgrad.nn.Activation;

/**
 * What a run already does, so that no finding suggests it again ({@link #remaining}): the verdicts
 * see the model's layers (activation, normalization) and the weights, not the optimizer, the
 * initializer names or the data's preprocessing, so the caller passes those here. {@link #UNKNOWN}
 * knows nothing: every remedy stays, and initializers are judged from the weights ({@link InitGuess}).
 *
 * @param optimizer the optimizer's name as {@code OptimizerRegistry} spells it ({@code "adam"},
 *     {@code "sgd"}), or null when unknown
 * @param inits per layer in depth order (as the {@link Recorder} numbers them), the initializer name as
 *     configs spell it ({@code "he_normal"}, {@code "xavier_normal:auto"}; null or {@code "default"} for
 *     torch's default); empty when unknown
 * @param residual whether the hidden blocks have residual connections
 * @param clipNorm the global-norm clipping threshold, 0 for none
 * @param standardized whether the inputs are standardized with the training split's statistics
 */
public record Setup(String optimizer, List<String> inits, boolean residual, double clipNorm, boolean standardized) {
  /** Nothing known: no remedy is taken for applied. */
  public static final Setup UNKNOWN = new Setup(null, List.of(), false, 0, false);

  /** The optimizers that scale each parameter's step by its own gradient history (Duchi 2011 onward). */
  static final Set<String> ADAPTIVE = Set.of("adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam");

  /** The initializer names of He's and Glorot's families, with or without {@code :auto}. */
  private static final Map<String, String> FAMILY = Map.of("he_normal", "he", "he_uniform", "he", "kaiming_normal", "he",
      "kaiming_uniform", "he", "xavier_normal", "xavier", "xavier_uniform", "xavier", "glorot_normal", "xavier",
      "glorot_uniform", "xavier");

  /** Copies the list (which may hold nulls: torch's default). */
  public Setup {
    inits = Collections.unmodifiableList(new ArrayList<>(inits));
    if (!(clipNorm >= 0)) throw new IllegalArgumentException("clipNorm must be >= 0 (0 for none), got " + clipNorm);
  }

  /**
   * Checks the initializers name one per layer of {@code layers} (or none).
   *
   * @throws IllegalArgumentException when the counts differ
   */
  public void check(List<LayerInfo> layers) {
    if (!inits.isEmpty() && inits.size() != layers.size()) {
      throw new IllegalArgumentException("Setup names " + inits.size() + " initializers for a model of " + layers.size()
          + " layers (Linear modules); give one per layer in depth order, or none");
    }
  }

  /**
   * The part of {@code r} the run does not apply yet, over the model's {@code layers}: a layer remedy
   * keeps the layers that lack it (He init on layers not drawn with a He initializer, Xavier likewise,
   * batch norm on layers without normalization, Leaky ReLU on plain ReLU layers); a run-wide one is
   * dropped when the run has it (an adaptive optimizer for {@link Remedy.Kind#OPTIMIZER_ADAM}, residual
   * connections, norm clipping, standardized inputs); a shallower network is not suggested to a run with
   * residual connections. Empty when nothing is left.
   */
  public Optional<Remedy> remaining(Remedy r, List<LayerInfo> layers) {
    return switch (r.kind()) {
      case INIT_HE -> keep(r, layers, l -> !"he".equals(family(l)));
      case INIT_XAVIER -> keep(r, layers, l -> !"xavier".equals(family(l)));
      case BATCH_NORM -> keep(r, layers, l -> !l.normalized());
      case ACTIVATION_LEAKY_RELU -> keep(r, layers, l -> l.activation() == Activation.Kind.RELU);
      case OPTIMIZER_ADAM -> optimizer != null && ADAPTIVE.contains(optimizer.toLowerCase(Locale.ROOT))
          ? Optional.empty() : Optional.of(r);
      case RESIDUAL, SHALLOWER -> residual ? Optional.empty() : Optional.of(r); // an identity path is the better fix
      case CLIP_NORM -> clipNorm > 0 ? Optional.empty() : Optional.of(r);
      case STANDARDIZE_INPUTS -> standardized ? Optional.empty() : Optional.of(r);
      default -> Optional.of(r);
    };
  }

  /** "he", "xavier", or another name: from the stated initializer, else judged from the weights. */
  private String family(LayerInfo l) {
    if (inits.isEmpty()) return InitGuess.of(l);
    String name = inits.get(l.index());
    if (name == null) return "standard";
    String base = name.toLowerCase(Locale.ROOT).replace(":auto", "");
    return FAMILY.getOrDefault(base, base);
  }

  private static Optional<Remedy> keep(Remedy r, List<LayerInfo> layers, Predicate<LayerInfo> lacks) {
    if (r.layers().isEmpty()) return Optional.of(r);
    List<String> left = layers.stream().filter(l -> r.layers().contains(l.name())).filter(lacks).map(LayerInfo::name)
        .toList();
    return left.isEmpty() ? Optional.empty() : Optional.of(new Remedy(r.kind(), left, r.parameters()));
  }
}
