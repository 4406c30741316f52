package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.run.files.HistoryLog;
import org.deepgrad.run.report.Charts;
import org.deepgrad.run.report.HeatMaps;
import org.deepgrad.run.report.PageChecks;
import org.deepgrad.run.report.RunReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of tiny real runs: every chart section, PNGs that decode, no diagnostics, the report command. */
class RunReportTest {
  /** The charts of a run with diagnostics, in page order. */
  static final List<String> CHARTS = List.of("loss", "accuracy", "grad-depth", "grad-heatmap", "activations-first",
      "activations-last", "gradients-last", "update-ratio");
  /** 15 batches per epoch: two epochs end (with validation), then 40 steps stop the third. */
  static final String TINY = "--dataset spirals --no-progress --hidden 16,16 --activation sigmoid --epochs 4 "
      + "--max-steps 40 --diagnose-every 5 --log-every 5 --validation 0.1";

  @TempDir
  static Path dir;
  static Path run;

  /** The exit code, stdout and stderr of {@code args} run in this JVM. */
  record Result(int code, String out, String err) {}

  static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Trains {@link #TINY} plus {@code extra} into {@code out}; asserts it succeeded. */
  static Result train(Path out, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("train", "--out", out.toString()));
    args.addAll(List.of(TINY.split(" ")));
    args.addAll(List.of(extra));
    Result r = cli(args.toArray(String[]::new));
    assertEquals(0, r.code(), () -> r.out() + r.err());
    return r;
  }

  @BeforeAll
  static void tinyRun() {
    run = dir.resolve("run");
    Result r = train(run);
    assertTrue(r.out().contains("report: " + run.resolve(RunReport.FILE)), r.out());
    assertTrue(r.out().contains("findings: "), r.out());
    assertFalse(r.out().contains("remedy:"), "train lists the findings in one line each, details in the report:\n" + r.out());
  }

  @Test
  void reportHasEverySectionAndChartAndNeedsNothingBesideIt() throws IOException {
    String html = PageChecks.assertSelfContained(run, RunReport.FILE, CHARTS, null);
    for (String section : List.of("Summary", "Findings", "Learning curves", "Gradient flow",
        "Activations and back-propagated gradients", "Update ratios", "configuration (config.yaml)")) {
      assertTrue(html.contains(section), section);
    }
    assertTrue(html.contains("epoch 2 val_loss"), "the last epoch's validation loss in the summary");
  }

  @Test
  void chartsArePngFilesThatDecode() throws IOException {
    for (String name : CHARTS) PageChecks.assertPng(run.resolve("charts").resolve(name + ".png"), Charts.WIDTH, Charts.HEIGHT);
  }

  @Test
  void aRunWithoutDiagnosticsHasCurvesAndSaysSo() throws IOException {
    Path plain = dir.resolve("plain");
    train(plain, "--no-diagnose");
    assertFalse(Files.exists(plain.resolve(HistoryLog.FILE)));
    String html = Files.readString(plain.resolve(RunReport.FILE));
    assertEquals(List.of("loss", "accuracy"), PageChecks.figures(html));
    assertTrue(html.contains("Diagnostics were off for this run"), html);
  }

  /** The caption of the figure {@code name} in {@code html}. */
  private static String caption(String html, String name) {
    int at = html.indexOf("<figure id=\"" + name + "\"");
    int from = html.indexOf("<figcaption>", at) + "<figcaption>".length();
    return html.substring(from, html.indexOf("</figcaption>", from));
  }

  @Test
  void accuraciesArePercentagesAsTheCommandLinePrintsThem() throws IOException {
    Path pct = dir.resolve("pct");
    Result r = train(pct, "--no-diagnose");
    String line = r.out().lines().filter(l -> l.startsWith("test accuracy: ")).findFirst().orElseThrow();
    String printed = line.substring("test accuracy: ".length(), line.indexOf('%') + 1); // e.g. 51.50%
    String html = Files.readString(pct.resolve(RunReport.FILE));
    assertTrue(html.contains("<td>test accuracy (saved model)</td><td class=\"n\">" + printed + "</td>"), html);
    assertTrue(html.matches("(?s).*<td>epoch 2 val_accuracy</td><td class=\"n\">\\d+\\.\\d\\d%</td>.*"), html);
  }

  @Test
  void theCurvesCaptionNamesTheCurvesDrawn() throws IOException {
    String withValidation = Files.readString(run.resolve(RunReport.FILE));
    assertEquals("Loss: the training mean per 5 steps, the training loss per epoch, the validation loss per epoch and "
        + "the saved model&#39;s test loss.", caption(withValidation, "loss"));
    Path none = dir.resolve("no-validation");
    List<String> args = new java.util.ArrayList<>(List.of("train", "--out", none.toString(), "--no-diagnose"));
    args.addAll(List.of(TINY.replace(" --validation 0.1", "").split(" ")));
    assertEquals(0, cli(args.toArray(String[]::new)).code());
    String html = Files.readString(none.resolve(RunReport.FILE));
    assertEquals("Loss: the training mean per 5 steps, the training loss per epoch and the saved model&#39;s test "
        + "loss.", caption(html, "loss"));
    assertFalse(caption(html, "accuracy").contains("validation"), html);
  }

  @Test
  void theHeatMapsStepAxisSpansTheDataExactly() {
    double[] steps = {50, 100, 150, 200, 250};
    JFreeChart chart = HeatMaps.heatMap("t", "step", "layer", new String[] {"L1", "L2"}, steps,
        new double[][] {{1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}}, 50, "z");
    ValueAxis x = chart.getXYPlot().getDomainAxis();
    assertEquals(25, x.getLowerBound());
    assertEquals(275, x.getUpperBound());
  }

  @Test
  void reportCommandRebuildsTheSamePage() throws IOException {
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    for (String f : List.of("config.yaml", "metrics.jsonl", "model.json", "diagnostics.json", HistoryLog.FILE)) {
      Files.copy(run.resolve(f), copy.resolve(f));
    }
    Result r = cli("report", copy.toString());
    assertEquals(0, r.code(), r::err);
    assertEquals(PageChecks.figures(Files.readString(run.resolve(RunReport.FILE))),
        PageChecks.figures(Files.readString(copy.resolve(RunReport.FILE))));
    for (String name : CHARTS) assertTrue(Files.size(copy.resolve("charts").resolve(name + ".png")) > 1000, name);
  }

  @Test
  void reportOfADirectoryThatHoldsNoRunIsBadInput() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Result r = cli("report", empty.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is not a run directory: it has no metrics.jsonl"), r.err());
    assertEquals(2, cli("report", dir.resolve("missing").toString()).code());
    assertEquals(2, cli("report").code());
  }
}
