package org.deepgrad.run.reproduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.OptimizerConfig;
import org.deepgrad.run.config.ScheduleConfig;
import org.deepgrad.run.config.TrainConfig;

/**
 * He, Zhang, Ren and Sun, "Delving Deep into Rectifiers", ICCV 2015, fig. 3: a 30-layer ReLU network
 * initialized with Xavier (glorot_normal, gain 1: variance 1/n here, all layers square) does not
 * learn, the same network with their init (he_normal, variance 2/n) does. An MLP stands in for their
 * convolutional net: the variance argument (each ReLU layer halves the signal's second moment, so 1/n
 * shrinks it by 2 per layer and 2/n keeps it) is the same.
 */
final class He2015 implements Experiment {
  static final int DEPTH = 30;

  @Override
  public String name() {
    return "he2015";
  }

  @Override
  public String title() {
    return "30-layer ReLU MLP, Xavier vs He init: the Xavier one stalls, the He one learns";
  }

  @Override
  public String reference() {
    return "He, Zhang, Ren & Sun, Delving Deep into Rectifiers, ICCV 2015";
  }

  @Override
  public List<RunPlan> plans(Mode mode) {
    List<RunPlan> plans = new ArrayList<>();
    for (String init : new String[] {"glorot_normal", "he_normal"}) {
      TrainConfig c = TrainConfig.plain()
          .withModel(ModelConfig.mlp(Collections.nCopies(DEPTH, mode.pick(64, 256))).withActivation("relu").withInit(init))
          .withOptimizer(OptimizerConfig.of("sgd").withLr(0.01)).withSchedule(ScheduleConfig.constant())
          .withTraining(t -> t.withBatchSize(64).withEpochs(10));
      String name = init.startsWith("he") ? "he" : "xavier";
      plans.add(RunPlan.of(name, (name.equals("he") ? "He" : "Xavier") + " init (" + init + ")", c).withEvals(10));
    }
    return plans;
  }

  @Override
  public Outcome judge(List<RunResult> runs, Mode mode) {
    RunResult x = Glorot2010.find(runs, "xavier");
    RunResult h = Glorot2010.find(runs, "he");
    double[] xv = Glorot2010.gradVariance(x.first());
    double[] hv = Glorot2010.gradVariance(h.first());
    double xRatio = xv[0] / xv[xv.length - 1];
    double hRatio = hv[0] / hv[hv.length - 1];
    double xProgress = progress(x);
    double hProgress = progress(h);
    List<Claim> claims = List.of(
        new Claim("Xavier init: the 30-layer ReLU net stalls", "fig. 3 (30 layers): Xavier \"completely stalls\"",
            "train loss last 10% of updates / first 10 updates " + Stats.num(xProgress) + ", test accuracy "
                + Stats.pct(x.testAccuracy()), "loss ratio >= 0.9", stalls(xProgress)),
        new Claim("He init: the same net learns", "fig. 3 (30 layers): He init converges",
            "train loss last 10% / first 10 updates " + Stats.num(hProgress) + ", test accuracy " + Stats.pct(h.testAccuracy()),
            "loss ratio <= 0.5 and test accuracy >= 50%", learns(hProgress, h.testAccuracy())),
        new Claim("why: with Xavier the back-propagated gradient vanishes at init, with He it is preserved",
            "sec. 2.2: Xavier's 1/n loses a factor 2 per ReLU layer, 2/n keeps the variance",
            "Var(∂L/∂h) first/top hidden at init: Xavier " + Stats.num(xRatio) + ", He " + Stats.num(hRatio),
            "Xavier < 1e-3, He in [0.1, 10]", vanishesOnlyWithXavier(xRatio, hRatio)));
    return new Outcome(claims, body(runs, mode));
  }

  /**
   * Mean loss over the last 10% of updates divided by the initial loss, the mean over the first 10
   * updates (~ln 10 for 10 balanced classes): 1 = no progress.
   */
  static double progress(RunResult r) {
    long n = r.totalSteps();
    return r.meanLoss(n - Math.max(1, n / 10), n) / r.meanLoss(0, Math.min(10, n));
  }

  static boolean stalls(double progress) {
    return progress >= 0.9;
  }

  static boolean learns(double progress, double accuracy) {
    return progress <= 0.5 && accuracy >= 0.5;
  }

  static boolean vanishesOnlyWithXavier(double xavierRatio, double heRatio) {
    return xavierRatio < 1e-3 && heRatio >= 0.1 && heRatio <= 10;
  }

  private static String body(List<RunResult> runs, Mode mode) {
    StringBuilder b = new StringBuilder("## Gradient and activation scale across depth at init\n\n"
        + "Var(∂L/∂h_i) and the activation's standard deviation of hidden layers i = 1, 10, 20, 30 at the initial "
        + "weights (update 1).\n\n| run | grad var 1 | 10 | 20 | 30 | act std 1 | 10 | 20 | 30 |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (RunResult r : runs) {
      double[] v = Glorot2010.gradVariance(r.first());
      double[] s = r.hidden(r.first()).stream().mapToDouble(l -> l.activation().std()).toArray();
      List<String> cells = new ArrayList<>(List.of(r.plan().label()));
      for (double[] a : new double[][] {v, s}) for (int i : new int[] {0, 9, 19, 29}) cells.add(Stats.num(a[i]));
      b.append(Report.row(cells.toArray(String[]::new)));
    }
    b.append("\n## Test accuracy along the run\n\n| run | ");
    RunResult first = runs.get(0);
    for (Curves.Eval e : first.evals()) b.append("update ").append(e.step()).append(" | ");
    b.append("\n| --- |").append(" ---: |".repeat(first.evals().size())).append('\n');
    for (RunResult r : runs) {
      List<String> cells = new ArrayList<>(List.of(r.plan().label()));
      for (Curves.Eval e : r.evals()) cells.add(Stats.pct(e.metrics().accuracy().orElse(Double.NaN)));
      b.append(Report.row(cells.toArray(String[]::new)));
    }
    b.append("\nSetup: ").append(DEPTH).append(" hidden layers of ").append(mode.pick(64, 256)).append(" ReLU units "
        + "(the paper: a 30-layer convolutional net on ImageNet), plain SGD lr 0.01 (as examples/init-xavier-vs-he.yaml), "
        + "batch 64, ")
        .append(10).append(" epochs, biases 0.\n");
    return b.toString();
  }
}
