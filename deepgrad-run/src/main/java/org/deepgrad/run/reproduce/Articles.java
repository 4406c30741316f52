package org.deepgrad.run.reproduce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.OptimizerConfig;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.ScheduleConfig;
import org.deepgrad.run.config.TrainConfig;

/**
 * One run per topic of the tutorial articles deepgrad started from (DESIGN.md, "The topics the examples
 * must cover"), reusing the configs of {@code examples/} with one change per comparison, and a
 * one-page summary of what each technique did to the gradient flow ({@link GradientFlow}). The
 * articles are tutorials, not papers: each claim is the point its example makes, checked on our numbers
 * ({@link ArticleClaims}).
 */
final class Articles implements Experiment {
  /**
   * A run of the articles: its name, the example it starts from (examples/EXAMPLE.yaml; null: the
   * pre-training network, {@link #pretrainConfig}), its topic and label, and its one change to the example.
   */
  record Run(String name, String example, String topic, String label, UnaryOperator<TrainConfig> change) {
    Run(String name, String example, String topic, String label) {
      this(name, example, topic, label, c -> c);
    }
  }

  static final List<Run> RUNS = List.of(
      new Run("linreg-full-batch", "linreg-full-batch", "1 GD/SGD/mini-batch/decay", "full-batch GD"),
      new Run("linreg-sgd", "linreg-sgd", "1 GD/SGD/mini-batch/decay", "SGD (batch 1)"),
      new Run("linreg-minibatch", "linreg-minibatch", "1 GD/SGD/mini-batch/decay", "mini-batch SGD (32)"),
      new Run("linreg-decay", "linreg-decay", "1 GD/SGD/mini-batch/decay", "SGD, lr decay 0.8/epoch"),
      new Run("mnist-mlp", "mnist-mlp", "2 MLP with BN, dropout, Adam", "128-64-32 BN dropout Adam"),
      new Run("compare-sgd", "compare-sgd", "3 optimizers compared", "SGD"),
      new Run("compare-momentum", "compare-momentum", "3 optimizers compared", "momentum"),
      new Run("compare-adagrad", "compare-adagrad", "3 optimizers compared", "AdaGrad"),
      new Run("compare-rmsprop", "compare-rmsprop", "3 optimizers compared", "RMSprop"),
      new Run("compare-adam", "compare-adam", "3 optimizers compared", "Adam"),
      new Run("linreg-adam", "linreg-adam", "4 optimizers on y = 2x", "Adam"),
      new Run("linreg-rmsprop", "linreg-rmsprop", "4 optimizers on y = 2x", "RMSprop"),
      new Run("linreg-adadelta", "linreg-adadelta", "4 optimizers on y = 2x", "Adadelta"),
      new Run("linreg-adadelta-40", "linreg-adadelta", "4 optimizers on y = 2x", "Adadelta, 40 epochs",
          c -> c.withTraining(t -> t.withEpochs(40))),
      new Run("init-he", "init-xavier-vs-he", "5 Xavier vs He", "He (he_normal)"),
      new Run("init-xavier", "init-xavier-vs-he", "5 Xavier vs He", "Xavier (glorot_normal)",
          c -> c.withModel(m -> m.withInit("glorot_normal"))),
      new Run("weight-clip", "weight-clipping", "5 weight clipping", "weight clip 0.1"),
      new Run("no-clip", "weight-clipping", "5 weight clipping", "no clipping",
          c -> c.withTraining(t -> t.withWeightClip(0))),
      new Run("leaky-relu", "relu-vs-leaky-relu", "5 ReLU vs Leaky ReLU", "Leaky ReLU"),
      new Run("relu", "relu-vs-leaky-relu", "5 ReLU vs Leaky ReLU", "ReLU",
          c -> c.withModel(m -> m.withActivation("relu"))),
      new Run("l2", "l2-regularization", "5 L2", "L2 0.001"),
      new Run("no-l2", "l2-regularization", "5 L2", "no L2",
          c -> c.withTraining(t -> t.withL2(0))),
      new Run("scratch", null, "5 layer-wise pre-training", "from scratch"),
      new Run("pretrained", null, "5 layer-wise pre-training", "pre-trained (denoising AEs)"),
      new Run("vanishing-sigmoid", "vanishing-sigmoid", "6 vanishing gradients", "sigmoid 64x6 (the problem)"),
      new Run("remedy-relu-he", "vanishing-remedies-relu-he", "6 vanishing gradients", "remedy: ReLU + He"),
      new Run("remedy-batch-norm", "vanishing-remedies-batch-norm", "6 vanishing gradients", "remedy: batch norm"),
      new Run("remedy-residual", "vanishing-remedies-residual", "6 vanishing gradients", "remedy: residual"),
      new Run("remedy-adam", "vanishing-remedies-adam", "6 vanishing gradients", "remedy: Adam"),
      new Run("gradient-clipping", "gradient-clipping", "6 vanishing gradients", "exploding: clip_norm 1 (vs no-clip)"));

  @Override
  public String name() {
    return "articles";
  }

  @Override
  public String title() {
    return "one run per article topic (examples/*.yaml) and what each technique did to the gradient flow";
  }

  @Override
  public String reference() {
    return "the tutorial articles deepgrad started from; DESIGN.md topics 1-5 and the vanishing-gradient remedies";
  }

  @Override
  public List<RunPlan> plans(Mode mode) {
    if (mode.examples() == null) {
      throw new RunException("articles: the repository's examples/ directory was not found; run from the "
          + "repository or give --examples DIR.");
    }
    List<RunPlan> plans = new ArrayList<>();
    for (Run r : RUNS) {
      TrainConfig c = r.example() == null ? pretrainConfig() : read(mode.examples().resolve(r.example() + ".yaml"));
      RunPlan p = RunPlan.of(r.name(), r.label(), r.change().apply(c));
      plans.add(r.name().equals("pretrained") ? p.withPretraining() : p);
    }
    return plans;
  }

  /** The deepgrad-examples {@code pretrain} network: 5 hidden layers of 128 sigmoid units, SGD momentum. */
  static TrainConfig pretrainConfig() {
    return TrainConfig.plain().withModel(ModelConfig.mlp(128, 128, 128, 128, 128).withActivation("sigmoid"))
        .withOptimizer(OptimizerConfig.of("momentum").withLr(0.1).withMomentum(0.9))
        .withSchedule(ScheduleConfig.constant()).withTraining(t -> t.withBatchSize(64).withEpochs(3));
  }

  @Override
  public Outcome judge(List<RunResult> runs, Mode mode) {
    return new Outcome(ArticleClaims.of(runs), body(runs));
  }

  /** The topic of a run, from {@link #RUNS}. */
  static String topic(String run) {
    for (Run r : RUNS) if (r.name().equals(run)) return r.topic();
    throw new IllegalArgumentException(run);
  }

  private static String body(List<RunResult> runs) {
    StringBuilder b = new StringBuilder("## What each technique did to the gradient flow\n\n"
        + "first/last: the first layer's weight-gradient norm over the output layer's (1 healthy, ≪ 1 vanishing), at "
        + "the initial weights and the median over the run's samples; back-prop: Var(∂L/∂h) of the first hidden "
        + "layer's output over the top hidden layer's at the initial weights (the gradient that reaches the layer, "
        + "which the weight-gradient ratio can hide when activations shrink too); saturation and dead: the worst layer, median "
        + "over samples; update: the first layer's ‖Δw‖/‖w‖ (median); findings: the diagnostics' verdicts "
        + "(docs/diagnostics.md). Test: accuracy, or MSE for the regressions.\n\n"
        + "| topic | run | test | first/last at init | first/last median | back-prop at init | saturation | dead | update "
        + "| weight norm | findings |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (RunResult r : runs) {
      GradientFlow g = GradientFlow.of(r);
      b.append(Report.row(topic(r.plan().name()), r.plan().label(), r.test().accuracy().isPresent()
              ? Stats.pct(r.testAccuracy()) : "MSE " + Stats.num(r.test().loss()), Stats.num(g.initRatio()),
          Stats.num(g.medianRatio()), Stats.num(g.backprop()), Stats.pct(g.saturation()), Stats.pct(g.dead()), Stats.num(g.updateRatio()),
          Stats.num(g.weightNorm()), g.findings()));
    }
    b.append("\nEach run is its example config (examples/NAME.yaml, see examples/README.md) with at most one change "
        + "(the run's configs/ file shows it); the pre-training pair is the deepgrad-examples `pretrain` network.\n");
    return b.toString();
  }

  private static TrainConfig read(Path file) {
    if (!Files.isRegularFile(file)) throw new RunException("articles: missing example config " + file);
    return TrainConfig.read(file);
  }
}
