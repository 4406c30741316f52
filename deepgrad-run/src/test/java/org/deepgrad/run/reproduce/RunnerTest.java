package org.deepgrad.run.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.run.config.DataConfig;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.OptimizerConfig;
import org.deepgrad.run.config.ScheduleConfig;
import org.deepgrad.run.config.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared runner and the report on a tiny synthetic run of one epoch. */
class RunnerTest {
  @TempDir
  Path dir;

  private static RunPlan tiny() {
    return new RunPlan("tiny", "tiny tanh net", TrainConfig.plain().withData(DataConfig.of("spirals"))
        .withModel(ModelConfig.mlp(8, 8).withActivation("tanh")).withOptimizer(OptimizerConfig.of("sgd").withLr(0.1))
        .withSchedule(ScheduleConfig.constant()).withTraining(t -> t.withBatchSize(100).withEpochs(1)), 2, false);
  }

  @Test
  void runsOneEpochAndRecordsTheSeries() throws Exception {
    StringWriter log = new StringWriter();
    RunResult r = new Runner(dir, null, 0, new PrintWriter(log)).run(tiny());
    assertEquals(10, r.totalSteps(), "1,000 spirals samples in batches of 100");
    assertEquals(1, (long) r.steps().get(0)[0]);
    assertEquals(0, r.first().step(), "the first sample is the initial weights (update 1)");
    assertEquals(3, r.first().layers().size(), "two hidden layers and the output layer");
    assertEquals(List.of(5L, 10L), r.evals().stream().map(Curves.Eval::step).toList());
    assertTrue(r.testAccuracy() >= 0 && r.testAccuracy() <= 1);
    assertTrue(log.toString().contains("tiny"), log.toString());
    assertTrue(Files.readString(dir.resolve("configs/tiny.yaml")).contains("spirals"));

    Claim yes = new Claim("a", "paper", "1", "x > 0", true);
    Claim no = new Claim("b", "paper", "-1", "x > 0", false);
    Report.write(dir, new Glorot2010(), new Mode(true, null), List.of(r), new Experiment.Outcome(List.of(yes, no),
        "## Body\n"), List.of("context line"));
    String md = Files.readString(dir.resolve("report.md"));
    assertTrue(md.contains("**REPRODUCED**") && md.contains("**NOT REPRODUCED**") && md.contains("## Body"), md);
    List<String> layers = Files.readAllLines(dir.resolve("layers.csv"));
    assertTrue(layers.get(0).startsWith("run,step,layer,depth,activation,grad_variance"), layers.get(0));
    assertTrue(layers.get(1).startsWith("tiny,1,"), layers.get(1));
    assertEquals(1 + r.samples().size() * 3, layers.size());
    assertEquals(1 + 10, Files.readAllLines(dir.resolve("loss.csv")).size(), "one row per update at this length");
    assertEquals(List.of("run,step,test_loss,test_accuracy"), Files.readAllLines(dir.resolve("eval.csv")).subList(0, 1));
    assertEquals(3, Files.readAllLines(dir.resolve("eval.csv")).size(), "the two evaluations, the last at the end");
    assertEquals(3, Files.readAllLines(dir.resolve("claims.csv")).size());
    String html = Files.readString(dir.resolve(ReproductionPage.FILE));
    assertTrue(html.contains("<td class=\"yes\">yes</td>") && html.contains("<td class=\"no\">no</td>"), "the claims");
    assertTrue(html.contains("<figure id=\"grad-variance-tiny\"") && html.contains("<h2>Body</h2>"), "charts and text");
  }

  @Test
  void theRunnerSetsTheTrainingKeysItIsGivenInEveryConfig() throws Exception {
    Runner runner = new Runner(dir, null, 1, new PrintWriter(new StringWriter()));
    assertEquals(1, runner.config(tiny()).training().threads());
    assertTrue(Files.readString(dir.resolve("configs/tiny.yaml")).contains("threads: 1"));
  }

  @Test
  void theFullDataSetTakesThePlaceOfMnist10kKeepingItsSplit() throws Exception {
    Runner runner = new Runner(dir, DataConfig.of("spirals"), 0, new PrintWriter(new StringWriter()));
    RunPlan mnist = RunPlan.of("held-out", "mnist-10k with validation", TrainConfig.plain()
        .withData(d -> d.withValidation(0.1)));
    TrainConfig c = runner.config(mnist);
    assertEquals("spirals", c.data().dataset());
    assertEquals(0.1, c.data().validation());
    assertEquals("linear", runner.config(RunPlan.of("linear", "a set of its own", TrainConfig.plain()
        .withData(DataConfig.of("linear")))).data().dataset(), "only mnist-10k runs are changed");
  }

  @Test
  void theSameRunTwiceGivesTheSameResult() throws Exception {
    RunResult a = new Runner(dir.resolve("a"), null, 0, new PrintWriter(new StringWriter())).run(tiny());
    RunResult b = new Runner(dir.resolve("b"), null, 0, new PrintWriter(new StringWriter())).run(tiny());
    assertEquals(a.test(), b.test(), "same seed, same result");
  }
}
