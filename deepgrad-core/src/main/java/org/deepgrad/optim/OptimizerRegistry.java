package org.deepgrad.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deepgrad.nn.Parameter;

/**
 * The presets by name, built from torch.optim's hyper-parameter names and torch's defaults for
 * anything not given: {@code create("adam", Map.of("lr", 3e-4, "betas", List.of(0.9, 0.99)), params)}.
 * Names: sgd, momentum (SGD with momentum 0.9 unless given), nesterov (SGD with momentum 0.9 and
 * nesterov), adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam (case-insensitive).
 * Unknown names and unknown hyper-parameters are errors, never silently ignored.
 */
public final class OptimizerRegistry {
  private OptimizerRegistry() {}

  private interface Preset {
    Optimizer build(TorchArgs a, List<ParamGroup> groups);
  }

  private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();

  static {
    PRESETS.put("sgd", (a, g) -> Optimizers.sgd(g, sgd(a, 0, false)));
    PRESETS.put("momentum", (a, g) -> Optimizers.sgd(g, sgd(a, 0.9, false)));
    PRESETS.put("nesterov", (a, g) -> Optimizers.sgd(g, sgd(a, 0.9, true)));
    PRESETS.put("adagrad", (a, g) -> {
      Adagrad d = Adagrad.defaults();
      return Optimizers.adagrad(g, new Adagrad(a.num("lr", d.lr()), a.num("lr_decay", d.lrDecay()),
          a.num("weight_decay", d.weightDecay()), a.num("initial_accumulator_value", d.initialAccumulatorValue()),
          a.num("eps", d.eps()), a.bool("maximize", d.maximize())));
    });
    PRESETS.put("rmsprop", (a, g) -> {
      RMSprop d = RMSprop.defaults();
      return Optimizers.rmsprop(g, new RMSprop(a.num("lr", d.lr()), a.num("alpha", d.alpha()), a.num("eps", d.eps()),
          a.num("weight_decay", d.weightDecay()), a.num("momentum", d.momentum()), a.bool("centered", d.centered()),
          a.bool("maximize", d.maximize())));
    });
    PRESETS.put("adadelta", (a, g) -> {
      Adadelta d = Adadelta.defaults();
      return Optimizers.adadelta(g, new Adadelta(a.num("lr", d.lr()), a.num("rho", d.rho()), a.num("eps", d.eps()),
          a.num("weight_decay", d.weightDecay()), a.bool("maximize", d.maximize())));
    });
    PRESETS.put("adam", (a, g) -> {
      Adam d = Adam.defaults();
      double[] b = a.pair("betas", d.beta1(), d.beta2());
      return Optimizers.adam(g, new Adam(a.num("lr", d.lr()), b[0], b[1], a.num("eps", d.eps()),
          a.num("weight_decay", d.weightDecay()), a.bool("amsgrad", d.amsgrad()), a.bool("maximize", d.maximize())));
    });
    PRESETS.put("adamw", (a, g) -> {
      AdamW d = AdamW.defaults();
      double[] b = a.pair("betas", d.beta1(), d.beta2());
      return Optimizers.adamw(g, new AdamW(a.num("lr", d.lr()), b[0], b[1], a.num("eps", d.eps()),
          a.num("weight_decay", d.weightDecay()), a.bool("amsgrad", d.amsgrad()), a.bool("maximize", d.maximize())));
    });
    PRESETS.put("adamax", (a, g) -> {
      Adamax d = Adamax.defaults();
      double[] b = a.pair("betas", d.beta1(), d.beta2());
      return Optimizers.adamax(g, new Adamax(a.num("lr", d.lr()), b[0], b[1], a.num("eps", d.eps()),
          a.num("weight_decay", d.weightDecay()), a.bool("maximize", d.maximize())));
    });
    PRESETS.put("nadam", (a, g) -> {
      NAdam d = NAdam.defaults();
      double[] b = a.pair("betas", d.beta1(), d.beta2());
      return Optimizers.nadam(g, new NAdam(a.num("lr", d.lr()), b[0], b[1], a.num("eps", d.eps()),
          a.num("weight_decay", d.weightDecay()), a.num("momentum_decay", d.momentumDecay())));
    });
    PRESETS.put("radam", (a, g) -> {
      RAdam d = RAdam.defaults();
      double[] b = a.pair("betas", d.beta1(), d.beta2());
      return Optimizers.radam(g, new RAdam(a.num("lr", d.lr()), b[0], b[1], a.num("eps", d.eps()),
          a.num("weight_decay", d.weightDecay())));
    });
  }

  /** The registered names, in a stable order. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(PRESETS.keySet());
  }

  /** The preset {@code name} over {@code groups}, with torch-named {@code hyper} values. */
  public static Optimizer create(String name, Map<String, ?> hyper, List<ParamGroup> groups) {
    String key = name.toLowerCase(Locale.ROOT);
    Preset preset = PRESETS.get(key);
    if (preset == null) {
      throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: " + String.join(", ", names()));
    }
    TorchArgs args = new TorchArgs(key, hyper);
    Optimizer opt = preset.build(args, groups);
    args.finish();
    return opt;
  }

  /** The preset {@code name} over one group of {@code params}. */
  public static Optimizer create(String name, Map<String, ?> hyper, Map<String, Parameter> params) {
    return create(name, hyper, ParamGroups.all(params));
  }

  /** SGD, with {@code momentum} and {@code nesterov} as the defaults this name gives them. */
  private static SGD sgd(TorchArgs a, double momentum, boolean nesterov) {
    SGD d = SGD.of(0);
    return new SGD(a.required("lr"), a.num("momentum", momentum), a.num("dampening", d.dampening()),
        a.num("weight_decay", d.weightDecay()), a.bool("nesterov", nesterov), a.bool("maximize", d.maximize()));
  }
}
