package org.deepgrad.run.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The point each article topic's example makes, decided on the runs of {@link Articles}. Accuracy
 * margins: a comparison counts only beyond 10 points where the example claims a rescue (a network that
 * learns against one that does not), else the plain order of the two numbers.
 */
final class ArticleClaims {
  /** Points of test accuracy a rescue must add. */
  static final double RESCUE = 0.10;

  private ArticleClaims() {}

  static List<Claim> of(List<RunResult> runs) {
    Function<String, RunResult> run = name -> Glorot2010.find(runs, name);
    List<Claim> c = new ArrayList<>();
    double gd = mse(run.apply("linreg-full-batch"));
    double sgd = mse(run.apply("linreg-sgd"));
    double mini = mse(run.apply("linreg-minibatch"));
    double decay = mse(run.apply("linreg-decay"));
    c.add(new Claim("SGD and mini-batch GD fit y = 2x better than full-batch GD in the same epochs",
        "topic 1: more, noisier updates per epoch", "test MSE: GD " + Stats.num(gd) + ", SGD " + Stats.num(sgd)
            + ", mini-batch " + Stats.num(mini), "SGD and mini-batch MSE < GD's", sgd < gd && mini < gd));
    c.add(new Claim("learning-rate decay settles SGD at least as well", "topic 1: decay the lr to settle the noise",
        "test MSE: decayed " + Stats.num(decay) + ", constant " + Stats.num(sgd), "decayed <= constant", decay <= sgd));
    double mlp = run.apply("mnist-mlp").testAccuracy();
    c.add(new Claim("the MLP with batch norm, dropout and Adam learns MNIST", "topic 2", "test accuracy "
        + Stats.pct(mlp), "accuracy >= 95%", mlp >= 0.95));
    double plain = trainLoss(run.apply("compare-sgd"));
    StringBuilder m = new StringBuilder("final train loss: SGD " + Stats.num(plain));
    boolean faster = true;
    for (String o : List.of("momentum", "adagrad", "rmsprop", "adam")) {
      double l = trainLoss(run.apply("compare-" + o));
      m.append(", ").append(o).append(' ').append(Stats.num(l));
      faster &= l < plain;
    }
    c.add(new Claim("momentum, AdaGrad, RMSprop and Adam train faster than plain SGD", "topic 3", m.toString(),
        "each one's train loss (last 10% of updates) < SGD's", faster));
    double adam = mse(run.apply("linreg-adam"));
    double rms = mse(run.apply("linreg-rmsprop"));
    double adadelta = mse(run.apply("linreg-adadelta"));
    c.add(new Claim("Adam and RMSprop fit y = 2x as well as mini-batch SGD", "topic 4", "test MSE: Adam "
        + Stats.num(adam) + ", RMSprop " + Stats.num(rms) + ", mini-batch SGD " + Stats.num(mini),
        "each <= 2 × mini-batch SGD's", adam <= 2 * mini && rms <= 2 * mini));
    double adadelta40 = mse(run.apply("linreg-adadelta-40"));
    c.add(new Claim("Adadelta starts slowest (its steps grow from √eps) but reaches the same fit with more updates",
        "topic 4 compares the five; the example's point; Zeiler 2012, §3.2: eps starts off the first iteration",
        "test MSE after 20 epochs: Adadelta " + Stats.num(adadelta) + " (Adam " + Stats.num(adam) + ", RMSprop "
            + Stats.num(rms) + ", mini-batch SGD " + Stats.num(mini) + "); after 40 epochs: Adadelta "
            + Stats.num(adadelta40), "20 epochs: Adadelta's MSE > each of the other three's; 40 epochs: <= 2 × mini-batch "
            + "SGD's", slowStarter(adadelta, new double[] {adam, rms, mini}, adadelta40, mini)));
    c.add(rescue("He init trains a deep (20-layer) ReLU net that Xavier init does not", "topic 5",
        run.apply("init-he"), run.apply("init-xavier"), true));
    c.add(rescue("weight clipping keeps a too-large learning rate (0.3, momentum) trainable", "topic 5",
        run.apply("weight-clip"), run.apply("no-clip"), false));
    RunResult leaky = run.apply("leaky-relu");
    RunResult relu = run.apply("relu");
    c.add(new Claim("Leaky ReLU trains at least as well as ReLU (no dying units)", "topic 5", "test accuracy: leaky "
        + Stats.pct(leaky.testAccuracy()) + ", ReLU " + Stats.pct(relu.testAccuracy()) + " (ReLU dead units, median of "
        + "the worst layer: " + Stats.pct(GradientFlow.of(relu).dead()) + ")", "leaky accuracy >= ReLU's",
        leaky.testAccuracy() >= relu.testAccuracy()));
    GradientFlow l2 = GradientFlow.of(run.apply("l2"));
    GradientFlow none = GradientFlow.of(run.apply("no-l2"));
    double a2 = run.apply("l2").testAccuracy();
    double a0 = run.apply("no-l2").testAccuracy();
    c.add(new Claim("L2 regularization shrinks the weights and generalizes better (2,000 training samples)", "topic 5",
        "test accuracy " + Stats.pct(a2) + " vs " + Stats.pct(a0) + "; weight norm " + Stats.num(l2.weightNorm()) + " vs "
            + Stats.num(none.weightNorm()), "L2: higher accuracy and smaller weight norm",
        a2 > a0 && l2.weightNorm() < none.weightNorm()));
    c.add(rescue("greedy layer-wise pre-training lets a deep sigmoid net learn where training from scratch stalls",
        "topic 5", run.apply("pretrained"), run.apply("scratch"), false));
    RunResult sigmoid = run.apply("vanishing-sigmoid");
    for (String r : List.of("remedy-relu-he", "remedy-batch-norm", "remedy-residual")) {
      c.add(rescue("vanishing gradients: " + r.substring(7) + " restores the flow to the first layer and learning",
          "vanishing/exploding demonstrations", run.apply(r), sigmoid, true));
    }
    c.add(rescue("vanishing gradients: Adam learns despite them (rescales, does not restore the flow)",
        "vanishing/exploding demonstrations", run.apply("remedy-adam"), sigmoid, false));
    c.add(rescue("exploding steps: gradient clipping (norm 1) keeps lr 0.3 trainable",
        "vanishing/exploding demonstrations", run.apply("gradient-clipping"), run.apply("no-clip"), false));
    return c;
  }

  /**
   * Adadelta (torch's lr 1.0) is behind every other batch-32 optimizer after the examples' 20 epochs, yet within
   * 2× mini-batch SGD's MSE after 40: Δ = √(a + ε)/√(v + ε)·g with the accumulated updates a starting at 0, so
   * its first steps are about √ε whatever the gradient's scale and grow as a accumulates (Zeiler 2012, §3.2).
   */
  static boolean slowStarter(double adadelta, double[] others, double adadeltaLonger, double sgd) {
    for (double o : others) if (adadelta <= o) return false;
    return adadeltaLonger <= 2 * sgd;
  }

  /**
   * {@code better} learns where {@code worse} does not: RESCUE more test accuracy and, with
   * {@code flow}, a larger ratio of back-propagated gradient variance, first over top hidden layer, at
   * init ({@link GradientFlow#backprop}).
   */
  static Claim rescue(String claim, String source, RunResult better, RunResult worse, boolean flow) {
    double a = better.testAccuracy();
    double b = worse.testAccuracy();
    double ra = GradientFlow.backprop(better.first());
    double rb = GradientFlow.backprop(worse.first());
    String measured = "test accuracy " + Stats.pct(a) + " vs " + Stats.pct(b)
        + (flow ? "; Var(∂L/∂h) first/top hidden at init " + Stats.num(ra) + " vs " + Stats.num(rb) : "");
    String criterion = "accuracy higher by >= " + Math.round(RESCUE * 100) + " points" + (flow ? " and a larger ratio" : "");
    return new Claim(claim, source, measured, criterion, rescued(a, b, flow, ra, rb));
  }

  static boolean rescued(double accuracy, double baseline, boolean flow, double ratio, double baselineRatio) {
    return accuracy >= baseline + RESCUE && (!flow || ratio > baselineRatio);
  }

  private static double mse(RunResult r) {
    return r.test().loss();
  }

  private static double trainLoss(RunResult r) {
    return r.lossAt(r.totalSteps(), Math.max(1, r.totalSteps() / 10));
  }
}
