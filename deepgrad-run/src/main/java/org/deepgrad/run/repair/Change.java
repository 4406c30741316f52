package org.deepgrad.run.repair;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deepgrad.diagnostics.Remedy;
import org.deepgrad.optim.HyperParameter;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.run.config.GroupConfig;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.OptimizerConfig;
import org.deepgrad.run.config.TrainConfig;

/**
 * A remedy as a concrete change of a run value, or why it cannot be made. One row per kind:
 *
 * <pre>
 * INIT_HE                model.init kaiming_normal:auto (He: gain √2 before ReLU, its own before Leaky ReLU, 1 for the output layer)
 * INIT_XAVIER            model.init xavier_normal:auto (Glorot: gain 1 before sigmoid, 5/3 before tanh);
 *                        xavier_normal (gain 1) before softsign, which torch's calculate_gain does not know
 * ACTIVATION_RELU        model.activation relu
 * ACTIVATION_LEAKY_RELU  model.activation leaky_relu (torch's negative slope 0.01)
 * BATCH_NORM             model.batch_norm true (after every hidden Linear)
 * RESIDUAL               model.residual true (each hidden block that keeps the width)
 * SHALLOWER              model.hidden: its first `depth` widths
 * OPTIMIZER_ADAM         optimizer adam with torch's defaults (lr 1e-3); weight decay kept, a group's own lr
 *                        scaled as the main one
 * LR_DOWN, LR_UP         optimizer.lr (and every group's own lr) times `factor`
 * CLIP_NORM              training.clip_norm `max_norm`
 * STANDARDIZE_INPUTS     data.standardize true
 * CHECK_INPUTS           none: a person has to look at the data
 * </pre>
 *
 * A change of the model needs the MLP form ({@code model.hidden}); an explicit {@code model.layers}
 * list takes the changes of the optimizer, the training and the data only. A change of the model
 * drops the preset, whose model it no longer is.
 */
sealed interface Change {
  /** The remedy behind the change. */
  Remedy remedy();

  /**
   * A change made.
   *
   * @param config the changed run
   * @param words the change in a few words, e.g. {@code lr 0.1 -> 0.01}
   */
  record Made(Remedy remedy, TrainConfig config, String words) implements Change {}

  /** A remedy that cannot be made a change of this run, and why. */
  record NotMade(Remedy remedy, String reason) implements Change {}

  /** What {@code remedy} does to {@code run}. */
  static Change of(Remedy remedy, TrainConfig run) {
    ModelConfig m = run.model();
    Remedy.Kind kind = remedy.kind();
    boolean model = Set.of(Remedy.Kind.INIT_HE, Remedy.Kind.INIT_XAVIER, Remedy.Kind.ACTIVATION_RELU,
        Remedy.Kind.ACTIVATION_LEAKY_RELU, Remedy.Kind.BATCH_NORM, Remedy.Kind.RESIDUAL, Remedy.Kind.SHALLOWER)
        .contains(kind);
    if (model && m.explicit()) {
      return new NotMade(remedy, "the model is an explicit layers list; repair changes the MLP form (model.hidden)");
    }
    return switch (kind) {
      case INIT_HE -> model(remedy, run, m.withInit("kaiming_normal:auto"),
          "He init (kaiming_normal:auto, gain matched to " + m.activation() + ")");
      case INIT_XAVIER -> {
        String init = m.activation().equals("softsign") ? "xavier_normal" : "xavier_normal:auto";
        yield model(remedy, run, m.withInit(init), "Xavier init (" + init + (init.endsWith(":auto")
            ? ", gain matched to " + m.activation() : "") + ")");
      }
      case ACTIVATION_RELU -> model(remedy, run, m.withActivation("relu"), "relu instead of " + m.activation());
      case ACTIVATION_LEAKY_RELU -> remedy.parameters().get("negative_slope") != 0.01
          ? new NotMade(remedy, "model.activation leaky_relu has torch's negative slope, 0.01, not "
              + remedy.parameters().get("negative_slope"))
          : model(remedy, run, m.withActivation("leaky_relu"), "leaky_relu instead of " + m.activation());
      case BATCH_NORM -> model(remedy, run, m.withBatchNorm(true), "batch norm after each hidden layer");
      case RESIDUAL -> keepsWidth(m.hidden()) ? model(remedy, run, m.withResidual(true), "residual connections")
          : new NotMade(remedy, "no hidden layer keeps the width of the one before it, so no block can be wrapped");
      case SHALLOWER -> {
        int depth = remedy.parameters().get("depth").intValue();
        yield depth >= m.hidden().size() ? new NotMade(remedy, "the model has " + m.hidden().size()
            + " hidden layers already") : model(remedy, run, m.withHidden(m.hidden().subList(0, depth)),
            depth + (depth == 1 ? " hidden layer" : " hidden layers") + " instead of " + m.hidden().size());
      }
      case OPTIMIZER_ADAM -> adam(remedy, run);
      case LR_DOWN, LR_UP -> {
        double factor = remedy.parameters().get("factor");
        double lr = lr(run.optimizer());
        yield new Made(remedy, run.withOptimizer(scaled(run.optimizer(), factor).withLr(lr * factor)),
            "lr " + number(lr) + " -> " + number(lr * factor));
      }
      case CLIP_NORM -> {
        double max = remedy.parameters().get("max_norm");
        yield new Made(remedy, run.withTraining(t -> t.withClipNorm(max)), "clip the gradient norm at " + number(max));
      }
      case STANDARDIZE_INPUTS -> new Made(remedy, run.withData(d -> d.withStandardize(true)), "standardize the inputs");
      case CHECK_INPUTS -> new NotMade(remedy, "a person has to look at how the data is read");
    };
  }

  private static Made model(Remedy remedy, TrainConfig run, ModelConfig changed, String words) {
    return new Made(remedy, run.withModel(changed).withPreset(null), words);
  }

  /** Whether some hidden width equals the one before it (the first: the inputs, which it never equals here). */
  private static boolean keepsWidth(List<Integer> hidden) {
    for (int i = 1; i < hidden.size(); i++) if (hidden.get(i).equals(hidden.get(i - 1))) return true;
    return false;
  }

  /** Adam with torch's defaults, the weight decay kept, each group's own lr scaled as the main lr. */
  private static Made adam(Remedy remedy, TrainConfig run) {
    OptimizerConfig old = run.optimizer();
    OptimizerConfig adam = OptimizerConfig.of("adam");
    double lr = lr(adam);
    if (old.hyper().containsKey("weight_decay")) adam = adam.withWeightDecay((Double) old.hyper().get("weight_decay"));
    adam = adam.withGroups(scaled(old, lr / lr(old)).groups());
    return new Made(remedy, run.withOptimizer(adam), "adam lr " + number(lr) + " instead of " + old.name() + " lr "
        + number(lr(old)));
  }

  /** The learning rate of {@code o}: given, else its preset's default. */
  private static double lr(OptimizerConfig o) {
    if (o.hyper().get("lr") instanceof Double lr) return lr;
    return OptimizerRegistry.hyperParameters(o.name()).stream().filter(p -> p.name().equals("lr"))
        .map(HyperParameter::defaultValue).map(Double.class::cast).findFirst().orElseThrow();
  }

  /** {@code o} with each group's own lr times {@code factor}. */
  private static OptimizerConfig scaled(OptimizerConfig o, double factor) {
    List<GroupConfig> groups = new ArrayList<>();
    for (GroupConfig g : o.groups()) groups.add(new GroupConfig(g.params(), g.lr() == null ? null : g.lr() * factor,
        g.weightDecay()));
    return o.withGroups(groups);
  }

  /** {@code 0.1}, {@code 0.00001}: three significant digits, no trailing zeros. */
  private static String number(double x) {
    return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
