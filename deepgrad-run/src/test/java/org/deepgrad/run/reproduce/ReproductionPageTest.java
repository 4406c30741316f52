package org.deepgrad.run.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepgrad.run.report.BrowserCheck;
import org.deepgrad.run.report.Charts;
import org.deepgrad.run.report.DotPlots;
import org.deepgrad.run.report.PageChecks;
import org.deepgrad.run.report.ReportPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * report.html of every experiment, built from fixture CSV files shaped as {@link CsvFiles} writes them
 * for the experiment's real runs (3 hidden layers and an output layer, 3 samples, 10 loss points, 4
 * evaluations each): the charts each paper's claim rests on, the claims table, the runs, the text.
 */
class ReproductionPageTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"glorot2010", "he2015", "kingma2015", "ioffe2015", "articles"})
  void thePageHasTheExperimentsChartsAndTheClaims(String name) throws IOException {
    Experiment e = Experiments.byName(name).orElseThrow();
    List<RunPlan> plans = e.plans(new Mode(true, ExamplesDir.find()));
    fixtures(dir, plans);
    ReproductionPage.write(dir, name, "Reproduction: " + name + " (quick)", "The setup.\n\n- command: `deepgrad "
        + "reproduce " + name + " --quick`\n", "## Body table\n\n| run | x |\n| --- | ---: |\n| a | 1.5 |\n");
    List<String> charts = charts(name, plans);
    String html = PageChecks.assertSelfContained(dir, ReproductionPage.FILE, charts, null);
    for (String chart : charts) {
      boolean small = chart.startsWith("grad-variance-") && !chart.equals("grad-variance-init")
          || chart.startsWith("activation-") || chart.startsWith("topic-");
      boolean dots = chart.equals("test-error") || chart.equals("gradient-flow");
      PageChecks.assertPng(dir.resolve("charts").resolve(chart + ".png"), small ? Charts.SMALL_WIDTH : Charts.WIDTH,
          small ? Charts.SMALL_HEIGHT : dots ? DotPlots.height(plans.size()) : Charts.HEIGHT);
    }
    assertTrue(html.contains("<tr><td>a claim, with &quot;quotes&quot;</td><td>fig. 1</td><td>0.5, 0.7</td>"
        + "<td>x &lt; y</td><td class=\"yes\">yes</td></tr>"), "the reproduced claim's row");
    assertTrue(html.contains("<tr><td>another claim</td><td>table 2</td><td class=\"n\">3</td><td>x &gt; 4</td>"
        + "<td class=\"no\">no</td></tr>"), "the claim not reproduced");
    for (RunPlan p : plans) assertTrue(html.contains("<tr><td>" + ReportPage.escape(p.label()) + "</td>"), p.label());
    assertTrue(html.contains("<code>deepgrad reproduce " + name + " --quick</code>"), "the intro");
    assertTrue(html.contains("<h2>Body table</h2>") && html.contains("<td class=\"n\">1.5</td>"), "the body");
  }

  @Test
  void chromiumRendersThePageAndEveryChart() throws Exception {
    BrowserCheck.assumeChromium();
    List<RunPlan> plans = new Glorot2010().plans(new Mode(true, null));
    fixtures(dir, plans);
    ReproductionPage.write(dir, "glorot2010", "Reproduction: glorot2010", "", "");
    BrowserCheck check = BrowserCheck.of(dir);
    assertEquals(0, check.code(), check.output());
    assertTrue(check.output().contains(ReproductionPage.FILE + " renders, no console messages, "
        + charts("glorot2010", plans).size() + " charts loaded"), check.output());
  }

  /** The charts the page of {@code name} must have, in order. */
  private static List<String> charts(String name, List<RunPlan> plans) {
    List<String> charts = new ArrayList<>();
    switch (name) {
      case "glorot2010" -> {
        charts.addAll(List.of("grad-variance-init", "test-error"));
        for (RunPlan p : plans) charts.addAll(List.of("grad-variance-" + p.name(), "activation-" + p.name()));
      }
      case "he2015" -> charts.addAll(List.of("loss", "test-accuracy", "grad-variance-init"));
      case "kingma2015" -> charts.add("loss");
      case "ioffe2015" -> charts.add("test-accuracy");
      default -> {
        for (RunPlan p : plans) {
          String topic = "topic-" + Articles.topic(p.name()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
          if (!charts.contains(topic)) charts.add(topic);
        }
        charts.add("gradient-flow");
      }
    }
    return charts;
  }

  /** CSV files as {@link CsvFiles} writes them for {@code plans}, each run learning at its own pace. */
  static void fixtures(Path dir, List<RunPlan> plans) throws IOException {
    StringBuilder runs = new StringBuilder("run,label,model,steps,seconds,stop,train_loss,test_loss,test_accuracy,"
        + "findings\n");
    StringBuilder loss = new StringBuilder("run,step,loss,accuracy\n");
    StringBuilder eval = new StringBuilder("run,step,test_loss,test_accuracy\n");
    StringBuilder layers = new StringBuilder("run,step,layer,depth,activation,grad_variance,grad_norm,weight_grad_norm,"
        + "act_mean,act_std,saturation,dead_fraction,update_ratio\n");
    for (int k = 0; k < plans.size(); k++) {
      String run = plans.get(k).name();
      double rate = 0.05 * (k + 1);
      runs.append(String.join(",", run, "\"" + plans.get(k).label().replace("\"", "\"\"") + "\"", "\"784-8-8-8-10 tanh\"", "100", "1.5",
          "COMPLETED", "0.5", "0.6", String.valueOf(0.5 + 0.01 * k), "\"VANISHING STALLED\"")).append('\n');
      for (int s = 10; s <= 100; s += 10) loss.append(run + "," + s + "," + 2.3 * Math.exp(-rate * s / 10) + ",0.5\n");
      for (int s = 25; s <= 100; s += 25) eval.append(run + "," + s + ",1.0," + (1 - Math.exp(-rate * s / 25)) + "\n");
      String activation = run.startsWith("sigmoid") ? "sigmoid" : "tanh";
      for (int s : new int[] {1, 50, 100}) {
        for (int d = 0; d < 4; d++) {
          layers.append(String.join(",", run, String.valueOf(s), String.valueOf(2 * d), String.valueOf(d),
              d == 3 ? "identity" : activation, String.valueOf(Math.pow(10, d - 6 + k * 0.1)), "0.1",
              String.valueOf(Math.pow(10, d - 3)), String.valueOf(0.5 - 0.1 * d * s / 100), "0.2", "0.1", "", "0.001"))
              .append('\n');
        }
      }
    }
    Files.writeString(dir.resolve("runs.csv"), runs);
    Files.writeString(dir.resolve("loss.csv"), loss);
    Files.writeString(dir.resolve("eval.csv"), eval);
    Files.writeString(dir.resolve("layers.csv"), layers);
    Files.writeString(dir.resolve("claims.csv"), "claim,source,measured,criterion,verdict\n"
        + "\"a claim, with \"\"quotes\"\"\",\"fig. 1\",\"0.5, 0.7\",\"x < y\",REPRODUCED\n"
        + "\"another claim\",\"table 2\",\"3\",\"x > 4\",NOT REPRODUCED\n");
  }
}
