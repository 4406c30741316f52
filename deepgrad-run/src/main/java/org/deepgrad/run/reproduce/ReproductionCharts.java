package org.deepgrad.run.reproduce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deepgrad.run.report.Charts;
import org.deepgrad.run.report.DotPlots;
import org.deepgrad.run.report.ReportPage;
import org.jfree.chart.JFreeChart;

/**
 * The charts of a reproduction's report.html, from its CSV files, the ones each paper's claim rests on:
 * glorot2010 the back-propagated gradient variance per layer and the activations over training
 * ({@link LayerCharts}); he2015 the loss of Xavier vs He; kingma2015 the training loss of the five
 * optimizers on one chart; ioffe2015 the test accuracy against updates with and without batch norm;
 * articles a small chart per topic ({@link TopicCharts}). An experiment not named here gets its
 * training-loss curves.
 */
final class ReproductionCharts {
  private ReproductionCharts() {}

  static void add(ReportPage page, String experiment, ReproductionFiles f) {
    switch (experiment) {
      case "glorot2010" -> LayerCharts.glorot(page, f);
      case "he2015" -> {
        page.chart("loss", "Training loss (the mean batch loss over blocks of updates, loss.csv) of the 30-layer ReLU "
            + "network with Xavier and with He init (He et al. 2015, fig. 3).", loss(f, f.names(), "training loss", false));
        accuracy(page, f, Double.NaN);
        LayerCharts.atInit(page, f, f.names());
      }
      case "kingma2015" -> page.chart("loss", "Training loss of each optimizer (the mean batch loss over blocks of "
          + "updates, dropout on; loss.csv), log scale (Kingma & Ba 2015, fig. 2).",
          loss(f, f.names(), "training loss", true));
      case "ioffe2015" -> accuracy(page, f, Ioffe2015.TARGET);
      case "articles" -> TopicCharts.add(page, f);
      default -> page.chart("loss", "Training loss of each run (loss.csv).", loss(f, f.names(), "training loss", true));
    }
  }

  /** The training-loss curves of {@code runs}, one line each, labelled as the tables label them. */
  static JFreeChart loss(ReproductionFiles f, List<String> runs, String title, boolean log) {
    return Charts.lineChart(title, "update", log ? "loss (log)" : "loss", lines(f, f.loss(), runs, "loss"), log);
  }

  /** The test accuracy along the runs (eval.csv), with a dashed line at {@code target} unless it is NaN. */
  static void accuracy(ReportPage page, ReproductionFiles f, double target) {
    List<Charts.Series> lines = lines(f, f.eval(), f.names(), "test_accuracy");
    if (lines.isEmpty()) return;
    JFreeChart chart = Charts.lineChart("test accuracy", "update", "test accuracy", lines, false);
    if (!Double.isNaN(target)) Charts.referenceLine(chart, target, "target " + target);
    page.chart("test-accuracy", "Test accuracy against updates (eval.csv), evaluated along each run"
        + (Double.isNaN(target) ? "." : "; the dashed line is the accuracy the claim races to."), chart);
  }

  /** The test error (1 - test accuracy, runs.csv) of every run, lowest first. */
  static void testError(ReportPage page, ReproductionFiles f) {
    List<String> runs = new ArrayList<>(f.names());
    runs.sort(Comparator.comparingDouble(r -> error(f, r)));
    double[] errors = runs.stream().mapToDouble(r -> error(f, r)).toArray();
    page.chart("test-error", "Test error of each run (1 - test accuracy, runs.csv), lowest first.",
        DotPlots.of("test error", "test error", runs.stream().map(f::label).toList(),
            List.of(new DotPlots.Dots("test error", errors)), false), Charts.WIDTH, DotPlots.height(runs.size()));
  }

  private static double error(ReproductionFiles f, String run) {
    double accuracy = f.runs().of(run).stream().mapToDouble(r -> SeriesCsv.number(r, "test_accuracy")).findFirst()
        .orElse(Double.NaN);
    return Double.isNaN(accuracy) ? Double.POSITIVE_INFINITY : 1 - accuracy;
  }

  /** One line per run of {@code csv}: x the update, y {@code column}; runs without a finite point left out. */
  static List<Charts.Series> lines(ReproductionFiles f, SeriesCsv csv, List<String> runs, String column) {
    List<Charts.Series> out = new ArrayList<>();
    for (String run : runs) {
      double[][] xy = SeriesCsv.xy(csv.of(run), "step", column);
      boolean any = false;
      for (double y : xy[1]) any |= Double.isFinite(y);
      if (any) out.add(new Charts.Series(f.label(run), xy[0], xy[1], null));
    }
    return out;
  }
}
