package org.deepgrad.run.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.HyperParameter;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.optim.ParamGroup;
import org.deepgrad.optim.clip.WeightClip;
import org.deepgrad.tensor.Tensor;

/**
 * The {@code optimizer} section: a preset of core's {@link OptimizerRegistry} by {@code name}, its
 * hyper-parameters under torch.optim's names (any left out take torch's defaults) and optional
 * parameter groups. The whole section is checked by building the optimizer over placeholder
 * parameters, so the ranges are core's own.
 *
 * <pre>
 * optimizer:
 *   name: adamw
 *   lr: 3e-4
 *   betas: [0.9, 0.95]
 *   weight_decay: 0.05
 *   groups:
 *     - {params: [bias, norm], weight_decay: 0}
 * </pre>
 *
 * @param hyper the hyper-parameters given, by torch name: Double, Boolean, or a List of two Doubles (betas)
 * @param groups parameter groups with their own lr or weight decay; parameters matching none form
 *     a last group with the section's values
 */
public record OptimizerConfig(String name, Map<String, Object> hyper, List<GroupConfig> groups) {

  /** Copies the map and list, keeping their order. */
  public OptimizerConfig {
    hyper = Collections.unmodifiableMap(new LinkedHashMap<>(hyper));
    groups = List.copyOf(groups);
  }

  /** The preset {@code name} of {@link OptimizerRegistry} with torch's defaults, no groups. */
  public static OptimizerConfig of(String name) {
    return new OptimizerConfig(name, Map.of(), List.of());
  }

  /** This optimizer with the learning rate {@code lr}. */
  public OptimizerConfig withLr(double lr) {
    return with("lr", lr);
  }

  /** This optimizer with {@code momentum} (sgd, momentum, nesterov, rmsprop). */
  public OptimizerConfig withMomentum(double momentum) {
    return with("momentum", momentum);
  }

  /** This optimizer with {@code weight_decay}. */
  public OptimizerConfig withWeightDecay(double weightDecay) {
    return with("weight_decay", weightDecay);
  }

  /**
   * This optimizer with the hyper-parameter {@code name} (torch's name, as {@link OptimizerRegistry}
   * lists it) set to {@code value}: a Double, a Boolean, or a List of two Doubles (betas).
   */
  public OptimizerConfig with(String name, Object value) {
    Map<String, Object> h = new LinkedHashMap<>(hyper);
    h.put(name, value);
    return new OptimizerConfig(this.name, h, groups);
  }

  /** This optimizer with the parameter groups {@code groups}. */
  public OptimizerConfig withGroups(List<GroupConfig> groups) {
    return new OptimizerConfig(name, hyper, groups);
  }

  /** The torch.optim hyper-parameter names some preset accepts (each preset takes a subset), with their kinds. */
  static Map<String, HyperParameter.Kind> hyperKinds() {
    Map<String, HyperParameter.Kind> kinds = new LinkedHashMap<>();
    for (String preset : OptimizerRegistry.names()) {
      for (HyperParameter p : OptimizerRegistry.hyperParameters(preset)) kinds.put(p.name(), p.kind());
    }
    return kinds;
  }

  static OptimizerConfig read(ConfigNode n) {
    Map<String, HyperParameter.Kind> kinds = hyperKinds();
    List<String> keys = new ArrayList<>(List.of("name", "groups"));
    keys.addAll(kinds.keySet());
    n.allowOnly(keys);
    List<String> names = List.copyOf(OptimizerRegistry.names());
    String name = n.choice("name", Defaults.OPTIMIZER, names);
    Map<String, Object> hyper = new LinkedHashMap<>();
    kinds.forEach((key, kind) -> {
      JsonNode v = n.raw(key);
      if (v == null) return;
      switch (kind) {
        case BOOLEAN -> hyper.put(key, n.bool(key, false));
        case PAIR -> hyper.put(key, pair(n, key, v));
        case NUMBER -> hyper.put(key, n.number(key, 0, Range.any()));
      }
    });
    if (hyper.containsKey("lr") && (double) hyper.get("lr") < 0) throw n.bad("lr", "must be >= 0");
    boolean lrRequired = OptimizerRegistry.hyperParameters(name).stream()
        .anyMatch(p -> p.name().equals("lr") && p.required());
    if (!hyper.containsKey("lr") && lrRequired) {
      throw new RunException("optimizer " + name + " has no default learning rate (torch requires one): give "
          + "one with --lr X or `" + n.path("lr") + "` in the config file, e.g. --lr 0.1.");
    }
    List<GroupConfig> groups = new ArrayList<>();
    for (ConfigNode g : n.sections("groups")) groups.add(GroupConfig.read(g));
    OptimizerConfig config = new OptimizerConfig(name, hyper, groups);
    config.check(n);
    return config;
  }

  /** Two numbers, such as torch's betas. */
  private static List<Double> pair(ConfigNode n, String key, JsonNode v) {
    if (!v.isArray() || v.size() != 2) throw n.bad(key, "must be a pair of numbers, e.g. [0.9, 0.999]");
    return List.of(n.number(key, v.get(0)), n.number(key, v.get(1)));
  }

  /**
   * The optimizer over {@code model}'s parameters: each parameter joins the first group of
   * {@link #groups} that selects it, the rest form a last group with the section's values; empty
   * groups are dropped. A weight clip c > 0 clamps every parameter to [−c, c] after each step.
   */
  public Optimizer build(Module model, double weightClip) {
    return build(model.namedParameters(), weightClip);
  }

  /** As {@link #build(Module, double)}, over the parameters {@code params} by name (a replica's, on a cluster). */
  public Optimizer build(Map<String, Parameter> params, double weightClip) {
    List<Map<String, Parameter>> members = new ArrayList<>();
    for (int g = 0; g <= groups.size(); g++) members.add(new LinkedHashMap<>());
    params.forEach((n, p) -> {
      int g = 0;
      while (g < groups.size() && !groups.get(g).matches(n, p.role())) g++;
      members.get(g).put(n, p);
    });
    List<ParamGroup> built = new ArrayList<>();
    for (int g = 0; g < members.size(); g++) {
      if (members.get(g).isEmpty()) continue;
      ParamGroup pg = ParamGroup.of(members.get(g));
      GroupConfig c = g < groups.size() ? groups.get(g) : null;
      if (c != null && c.lr() != null) pg = pg.lr(c.lr());
      if (c != null && c.weightDecay() != null) pg = pg.weightDecay(c.weightDecay());
      built.add(pg);
    }
    Optimizer opt = OptimizerRegistry.create(name, hyper, built);
    return weightClip > 0 ? opt.constrain(new WeightClip(weightClip)) : opt;
  }

  /** Builds the optimizer over one placeholder parameter per group, so core validates every value. */
  private void check(ConfigNode n) {
    List<ParamGroup> probe = new ArrayList<>();
    for (int i = 0; i <= groups.size(); i++) {
      ParamGroup pg = ParamGroup.of(Map.of("p" + i, new Parameter(Tensor.zeros(1), Parameter.Role.WEIGHT)));
      GroupConfig g = i < groups.size() ? groups.get(i) : null;
      if (g != null && g.lr() != null) pg = pg.lr(g.lr());
      if (g != null && g.weightDecay() != null) pg = pg.weightDecay(g.weightDecay());
      probe.add(pg);
    }
    try {
      OptimizerRegistry.create(name, hyper, probe);
    } catch (IllegalArgumentException e) {
      String problem = e.getMessage().replaceFirst("(?i)^" + name + ": ", "");
      throw new RunException("invalid settings in " + n.where() + " for " + name + ": " + ConfigNode.end(problem), e);
    }
  }
}
