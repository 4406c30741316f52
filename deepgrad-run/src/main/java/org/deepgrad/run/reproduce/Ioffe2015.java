package org.deepgrad.run.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.OptimizerConfig;
import org.deepgrad.run.config.ScheduleConfig;
import org.deepgrad.run.config.TrainConfig;

/**
 * Ioffe &amp; Szegedy, "Batch Normalization", ICML 2015, fig. 1(a): an MNIST MLP with three hidden layers
 * of 100 sigmoid units, with and without batch normalization before each sigmoid, minibatch 60;
 * test accuracy against training steps. The paper does not give its optimizer settings; both runs use
 * plain SGD at lr 0.1 and torch's default init.
 */
final class Ioffe2015 implements Experiment {
  /** The test accuracy both runs race to. */
  static final double TARGET = 0.9;

  @Override
  public String name() {
    return "ioffe2015";
  }

  @Override
  public String title() {
    return "MLP 3x100 sigmoid with and without batch norm: test accuracy against steps";
  }

  @Override
  public String reference() {
    return "Ioffe & Szegedy, Batch Normalization, ICML 2015";
  }

  @Override
  public List<RunPlan> plans(Mode mode) {
    List<RunPlan> plans = new ArrayList<>();
    for (boolean bn : new boolean[] {false, true}) {
      TrainConfig c = TrainConfig.plain()
          .withModel(ModelConfig.mlp(100, 100, 100).withActivation("sigmoid").withBatchNorm(bn))
          .withOptimizer(OptimizerConfig.of("sgd").withLr(0.1)).withSchedule(ScheduleConfig.constant())
          .withTraining(t -> t.withBatchSize(60).withEpochs(mode.pick(20, 50)));
      plans.add(RunPlan.of(bn ? "batch-norm" : "baseline", bn ? "with batch norm" : "without batch norm", c)
          .withEvals(mode.pick(40, 100)));
    }
    return plans;
  }

  @Override
  public Outcome judge(List<RunResult> runs, Mode mode) {
    RunResult base = Glorot2010.find(runs, "baseline");
    RunResult bn = Glorot2010.find(runs, "batch-norm");
    long baseSteps = Stats.firstReaching(accuracy(base), TARGET);
    long bnSteps = Stats.firstReaching(accuracy(bn), TARGET);
    List<Claim> claims = List.of(
        new Claim("batch norm reaches a given accuracy in fewer steps", "fig. 1(a): the BN network reaches the "
            + "baseline's accuracy much sooner", "updates to " + Stats.pct(TARGET) + " test accuracy: with BN "
            + steps(bnSteps) + ", without " + steps(baseSteps), "BN reaches it, and sooner (never reaching counts "
            + "as infinitely many updates)", fewerSteps(bnSteps, baseSteps)),
        new Claim("batch norm ends higher", "fig. 1(a): BN ends with higher test accuracy",
            "final test accuracy: with BN " + Stats.pct(bn.testAccuracy()) + ", without " + Stats.pct(base.testAccuracy()),
            "BN's final accuracy > the baseline's", bn.testAccuracy() > base.testAccuracy()));
    return new Outcome(claims, body(runs, mode));
  }

  /** {step, test accuracy} along the run. */
  static List<double[]> accuracy(RunResult r) {
    return r.evals().stream().map(e -> new double[] {e.step(), e.metrics().accuracy().orElse(Double.NaN)}).toList();
  }

  /** BN reached the target (≥ 0), and before the baseline or the baseline never did (−1). */
  static boolean fewerSteps(long bnSteps, long baseSteps) {
    return bnSteps >= 0 && (baseSteps < 0 || bnSteps < baseSteps);
  }

  private static String steps(long s) {
    return s < 0 ? "never" : String.valueOf(s);
  }

  private static String body(List<RunResult> runs, Mode mode) {
    StringBuilder b = new StringBuilder("## Test accuracy against updates\n\nThe first 8 evaluations, then every 4th "
        + "(eval.csv has all of them for the chart).\n\n| update |");
    for (RunResult r : runs) b.append(' ').append(r.plan().label()).append(" |");
    b.append("\n| ---: |").append(" ---: |".repeat(runs.size())).append('\n');
    List<Curves.Eval> first = runs.get(0).evals();
    for (int i = 0; i < first.size(); i += i < 8 ? 1 : 4) {
      List<String> cells = new ArrayList<>(List.of(String.valueOf(first.get(i).step())));
      for (RunResult r : runs) cells.add(Stats.pct(r.evals().get(i).metrics().accuracy().orElse(Double.NaN)));
      b.append(Report.row(cells.toArray(String[]::new)));
    }
    b.append("\nSetup: 784-100-100-100-10, sigmoid, with BN: Dense → BatchNorm → sigmoid; SGD lr 0.1, batch 60, ")
        .append(mode.pick(20, 50)).append(" epochs (the paper: 50,000 steps of batch 60 on full MNIST).\n");
    return b.toString();
  }
}
