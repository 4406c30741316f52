package org.deepgrad.run.reproduce;

import org.deepgrad.run.config.RunException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run per topic of the tutorial articles deepgrad started from (DESIGN.md, "The topics the examples
 * must cover"), reusing the configs of {@code examples/} with one change per comparison, and a
 * one-page summary of what each technique did to the gradient flow ({@link GradientFlow}). The
 * articles are tutorials, not papers: each claim is the point its example makes, checked on our numbers
 * ({@link ArticleClaims}).
 */
final class Articles implements Experiment {
  /** A run: name, example file, topic, label, then key/value overrides. */
  static final String[][] RUNS = {
      {"linreg-full-batch", "linreg-full-batch", "1 GD/SGD/mini-batch/decay", "full-batch GD"},
      {"linreg-sgd", "linreg-sgd", "1 GD/SGD/mini-batch/decay", "SGD (batch 1)"},
      {"linreg-minibatch", "linreg-minibatch", "1 GD/SGD/mini-batch/decay", "mini-batch SGD (32)"},
      {"linreg-decay", "linreg-decay", "1 GD/SGD/mini-batch/decay", "SGD, lr decay 0.8/epoch"},
      {"mnist-mlp", "mnist-mlp", "2 MLP with BN, dropout, Adam", "128-64-32 BN dropout Adam"},
      {"compare-sgd", "compare-sgd", "3 optimizers compared", "SGD"},
      {"compare-momentum", "compare-momentum", "3 optimizers compared", "momentum"},
      {"compare-adagrad", "compare-adagrad", "3 optimizers compared", "AdaGrad"},
      {"compare-rmsprop", "compare-rmsprop", "3 optimizers compared", "RMSprop"},
      {"compare-adam", "compare-adam", "3 optimizers compared", "Adam"},
      {"linreg-adam", "linreg-adam", "4 optimizers on y = 2x", "Adam"},
      {"linreg-rmsprop", "linreg-rmsprop", "4 optimizers on y = 2x", "RMSprop"},
      {"linreg-adadelta", "linreg-adadelta", "4 optimizers on y = 2x", "Adadelta"},
      {"linreg-adadelta-40", "linreg-adadelta", "4 optimizers on y = 2x", "Adadelta, 40 epochs", "training.epochs", "40"},
      {"init-he", "init-xavier-vs-he", "5 Xavier vs He", "He (he_normal)"},
      {"init-xavier", "init-xavier-vs-he", "5 Xavier vs He", "Xavier (glorot_normal)", "model.init", "glorot_normal"},
      {"weight-clip", "weight-clipping", "5 weight clipping", "weight clip 0.1"},
      {"no-clip", "weight-clipping", "5 weight clipping", "no clipping", "training.weight_clip", "0"},
      {"leaky-relu", "relu-vs-leaky-relu", "5 ReLU vs Leaky ReLU", "Leaky ReLU"},
      {"relu", "relu-vs-leaky-relu", "5 ReLU vs Leaky ReLU", "ReLU", "model.activation", "relu"},
      {"l2", "l2-regularization", "5 L2", "L2 0.001"},
      {"no-l2", "l2-regularization", "5 L2", "no L2", "training.l2", "0"},
      {"scratch", null, "5 layer-wise pre-training", "from scratch"},
      {"pretrained", null, "5 layer-wise pre-training", "pre-trained (denoising AEs)"},
      {"vanishing-sigmoid", "vanishing-sigmoid", "6 vanishing gradients", "sigmoid 64x6 (the problem)"},
      {"remedy-relu-he", "vanishing-remedies-relu-he", "6 vanishing gradients", "remedy: ReLU + He"},
      {"remedy-batch-norm", "vanishing-remedies-batch-norm", "6 vanishing gradients", "remedy: batch norm"},
      {"remedy-residual", "vanishing-remedies-residual", "6 vanishing gradients", "remedy: residual"},
      {"remedy-adam", "vanishing-remedies-adam", "6 vanishing gradients", "remedy: Adam"},
      {"gradient-clipping", "gradient-clipping", "6 vanishing gradients", "exploding: clip_norm 1 (vs no-clip)"}};

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
    for (String[] r : RUNS) {
      ConfigTree c = r[1] == null ? pretrainConfig() : read(mode.examples().resolve(r[1] + ".yaml"));
      for (int i = 4; i + 1 < r.length; i += 2) c = c.set(r[i], number(r[i + 1]));
      RunPlan p = RunPlan.of(r[0], r[3], c);
      plans.add(r[0].equals("pretrained") ? p.withPretraining() : p);
    }
    return plans;
  }

  /** The deepgrad-examples {@code pretrain} network: 5 hidden layers of 128 sigmoid units, SGD momentum. */
  static ConfigTree pretrainConfig() {
    return ConfigTree.create().set("model.hidden", "128x5").set("model.activation", "sigmoid")
        .set("model.batch_norm", false).set("model.dropout", 0.0).set("optimizer.name", "momentum")
        .set("optimizer.lr", 0.1).set("optimizer.momentum", 0.9).set("schedule.spec", "constant")
        .set("training.batch_size", 64).set("training.epochs", 3);
  }

  @Override
  public Outcome judge(List<RunResult> runs, Mode mode) {
    return new Outcome(ArticleClaims.of(runs), body(runs));
  }

  /** The topic of a run, from {@link #RUNS}. */
  static String topic(String run) {
    for (String[] r : RUNS) if (r[0].equals(run)) return r[2];
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

  private static ConfigTree read(Path file) {
    if (!Files.isRegularFile(file)) throw new RunException("articles: missing example config " + file);
    try {
      return ConfigTree.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An override's value as YAML would read it: a whole number, a decimal, else the string. */
  private static Object number(String v) {
    try {
      if (v.matches("-?\\d+")) return Integer.parseInt(v); // not a ?: which would widen it to a double
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return v;
    }
  }
}
