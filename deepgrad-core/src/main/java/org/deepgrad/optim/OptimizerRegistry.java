package org.deepgrad.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.deepgrad.nn.Parameter;

/**
 * The presets by name, built from torch.optim's hyper-parameter names and torch's defaults for
 * anything not given: {@code create("adam", Map.of("lr", 3e-4, "betas", List.of(0.9, 0.99)), params)}.
 * Names: sgd, momentum (SGD with momentum 0.9 unless given), nesterov (SGD with momentum 0.9 and
 * nesterov), adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam (case-insensitive).
 * Unknown names and unknown hyper-parameters are errors, never silently ignored.
 *
 * <p>A preset's hyper-parameters are its {@link Hyper} record's components under torch's names
 * ({@link #hyperParameters}: {@code weightDecay} is {@code weight_decay}, {@code beta1} and
 * {@code beta2} the pair {@code betas}), with the record's {@code defaults()}: the names, defaults
 * and ranges are written there only.
 */
public final class OptimizerRegistry {
  private OptimizerRegistry() {}

  /** A preset: its defaults, the names torch requires, and the factory of {@link Optimizers}. */
  private record Preset<H extends Record & Hyper<H>>(H defaults, Set<String> required,
      BiFunction<List<ParamGroup>, H, Optimizer> factory) {

    Optimizer build(String name, Map<String, ?> hyper, List<ParamGroup> groups) {
      H h = new TorchArgs(name, defaults, required).read(hyper);
      return factory.apply(groups, h);
    }
  }

  private static final Map<String, Preset<?>> PRESETS = new LinkedHashMap<>();

  static {
    SGD sgd = SGD.of(0); // torch has no default lr for SGD: the 0 is never used
    PRESETS.put("sgd", new Preset<>(sgd, Set.of("lr"), Optimizers::sgd));
    PRESETS.put("momentum", new Preset<>(sgd.momentum(0.9), Set.of("lr"), Optimizers::sgd));
    PRESETS.put("nesterov", new Preset<>(sgd.momentum(0.9).nesterov(true), Set.of("lr"), Optimizers::sgd));
    PRESETS.put("adagrad", new Preset<>(Adagrad.defaults(), Set.of(), Optimizers::adagrad));
    PRESETS.put("rmsprop", new Preset<>(RMSprop.defaults(), Set.of(), Optimizers::rmsprop));
    PRESETS.put("adadelta", new Preset<>(Adadelta.defaults(), Set.of(), Optimizers::adadelta));
    PRESETS.put("adam", new Preset<>(Adam.defaults(), Set.of(), Optimizers::adam));
    PRESETS.put("adamw", new Preset<>(AdamW.defaults(), Set.of(), Optimizers::adamw));
    PRESETS.put("adamax", new Preset<>(Adamax.defaults(), Set.of(), Optimizers::adamax));
    PRESETS.put("nadam", new Preset<>(NAdam.defaults(), Set.of(), Optimizers::nadam));
    PRESETS.put("radam", new Preset<>(RAdam.defaults(), Set.of(), Optimizers::radam));
  }

  /** The registered names, in a stable order. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(PRESETS.keySet());
  }

  /** The hyper-parameters preset {@code name} takes, under torch's names, with torch's defaults. */
  public static List<HyperParameter> hyperParameters(String name) {
    String key = key(name);
    Preset<?> preset = PRESETS.get(key);
    return new TorchArgs(key, preset.defaults(), preset.required()).parameters();
  }

  /** The preset {@code name} over {@code groups}, with torch-named {@code hyper} values. */
  public static Optimizer create(String name, Map<String, ?> hyper, List<ParamGroup> groups) {
    String key = key(name);
    return PRESETS.get(key).build(key, hyper, groups);
  }

  /** The preset {@code name} over one group of {@code params}. */
  public static Optimizer create(String name, Map<String, ?> hyper, Map<String, Parameter> params) {
    return create(name, hyper, ParamGroup.all(params));
  }

  private static String key(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!PRESETS.containsKey(key)) {
      throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + String.join(", ", names()));
    }
    return key;
  }
}
