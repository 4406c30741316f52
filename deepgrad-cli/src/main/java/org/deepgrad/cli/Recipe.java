package org.deepgrad.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.optim.ParamGroup;
import org.deepgrad.optim.clip.WeightClip;

/** Turns the model and optimizer sections of a {@link TrainConfig} into core objects. */
final class Recipe {
  private Recipe() {}

  /**
   * The model's spec: the MLP form through {@link ModelSpec#mlp}, or the explicit layers; either way
   * ending in a Dense layer of {@code outputs} units without activation (logits or regression outputs).
   */
  static ModelSpec spec(ModelConfig m, int inputs, int outputs) {
    if (!m.explicit()) {
      int[] hidden = m.hidden().stream().mapToInt(Integer::intValue).toArray();
      return ModelSpec.mlp(inputs, hidden, outputs, m.activation(), m.init(), m.batchNorm(), m.dropout(), m.residual());
    }
    List<LayerSpec> layers = new ArrayList<>(m.layers());
    String init = null;
    for (LayerSpec l : layers) if (l instanceof LayerSpec.Dense d) init = d.init();
    layers.add(new LayerSpec.Dense(outputs, init));
    return new ModelSpec(inputs, layers);
  }

  /**
   * The optimizer over {@code model}'s parameters: each parameter joins the first group of
   * {@code optimizer.groups} that selects it, the rest form a last group with the section's values;
   * empty groups are dropped. A weight clip c > 0 clamps every parameter to [−c, c] after each step.
   */
  static Optimizer optimizer(OptimizerConfig o, double weightClip, Module model) {
    List<Map<String, Parameter>> members = new ArrayList<>();
    for (int g = 0; g <= o.groups().size(); g++) members.add(new LinkedHashMap<>());
    model.namedParameters().forEach((name, p) -> {
      int g = 0;
      while (g < o.groups().size() && !o.groups().get(g).matches(name, p.role())) g++;
      members.get(g).put(name, p);
    });
    List<ParamGroup> groups = new ArrayList<>();
    for (int g = 0; g < members.size(); g++) {
      if (members.get(g).isEmpty()) continue;
      ParamGroup pg = ParamGroup.of(members.get(g));
      GroupConfig c = g < o.groups().size() ? o.groups().get(g) : null;
      if (c != null && c.lr() != null) pg = pg.lr(c.lr());
      if (c != null && c.weightDecay() != null) pg = pg.weightDecay(c.weightDecay());
      groups.add(pg);
    }
    Optimizer opt = OptimizerRegistry.create(o.name(), o.hyper(), groups);
    return weightClip > 0 ? opt.constrain(new WeightClip(weightClip)) : opt;
  }
}
