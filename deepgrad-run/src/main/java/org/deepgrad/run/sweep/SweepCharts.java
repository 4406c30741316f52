package org.deepgrad.run.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deepgrad.run.report.Charts;
import org.deepgrad.run.report.DotPlots;
import org.deepgrad.run.report.ReportPage;
import org.jfree.chart.JFreeChart;

/**
 * The charts of a sweep's page ({@link SweepReport}): the final loss and accuracy (or r2) of each cell
 * as dot plots sorted best first, the training-loss curves of all cells on one chart, the target's
 * metric per epoch against the target, and the first/last-layer gradient ratio of each cell on a log
 * scale against the VANISHING threshold.
 */
final class SweepCharts {
  /** The ratio below which the diagnostics report VANISHING ({@code VanishingRule.RATIO}, docs/diagnostics.md). */
  static final double VANISHING = 1e-3;
  /** The metric columns charted together, the last present one sorting the rows. */
  private static final List<List<String>> FAMILIES = List.of(List.of("train_loss", "val_loss", "test_loss"),
      List.of("val_accuracy", "test_accuracy"), List.of("val_r2", "test_r2"));
  private static final String RATIO = "grad_ratio_first_last";

  private SweepCharts() {}

  static void add(ReportPage page, Path out, ResultsTable t) throws IOException {
    if (t.rows().isEmpty()) return;
    page.heading("Final loss and accuracy");
    for (List<String> family : FAMILIES) finals(page, t, family);
    page.heading("Learning curves");
    curves(page, out, t);
    if (t.target() != null) target(page, t);
    page.heading("Gradient reaching the first layer");
    List<CellResult> rows = t.rankedBy(RATIO, true);
    if (!Double.isFinite(t.number(rows.get(0), RATIO))) {
      page.text("No cell has a finite gradient ratio (no finite sampled step).");
      return;
    }
    JFreeChart chart = DotPlots.of("first/last-layer gradient ratio", "rms ∂L/∂W first layer / last layer (log)",
        ids(rows), List.of(new DotPlots.Dots(RATIO, numbers(t, rows, RATIO))), true);
    Charts.referenceLine(chart, VANISHING, "VANISHING below 1e-3");
    page.chart("grad-ratio", "grad_ratio_first_last per cell, largest first, log scale: rms(∂loss/∂W) of the first "
        + "Linear over the last one's, median over the last sampled steps (docs/diagnostics.md). Near 1 the gradient "
        + "reaches the first layer; below the dashed 1e-3 the diagnostics report VANISHING. A cell without a finite "
        + "sample has no dot.", chart, Charts.WIDTH, DotPlots.height(rows.size()));
  }

  /** The dot plot of a family's columns, rows sorted best first by its last column present. */
  private static void finals(ReportPage page, ResultsTable t, List<String> family) {
    List<String> columns = family.stream().filter(t.columns()::contains).toList();
    if (columns.isEmpty()) return;
    String key = columns.get(columns.size() - 1);
    String metric = key.substring(key.indexOf('_') + 1);
    List<CellResult> rows = t.rankedBy(key, ResultsTable.higherIsBetter(key));
    List<DotPlots.Dots> dots = columns.stream().map(c -> new DotPlots.Dots(c, numbers(t, rows, c))).toList();
    page.chart("final-" + metric, "Final " + metric + " per cell (" + String.join(", ", columns) + "), best first by "
        + key + " (train_: the last epoch's training mean, val_: its validation value, test_: the saved model's). "
        + "A cell without the number (diverged, or no such split) has no dot.",
        DotPlots.of("final " + metric, metric, ids(rows), dots, false), Charts.WIDTH, DotPlots.height(rows.size()));
  }

  /** The training loss per logged interval of every cell against epochs, log scale. */
  private static void curves(ReportPage page, Path out, ResultsTable t) throws IOException {
    List<Charts.Series> series = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (CellResult r : t.rows()) {
      double[][] xy = RunFiles.lossCurve(out.resolve(Plan.CELLS).resolve(r.id()));
      if (xy == null) without.add(r.id());
      else series.add(new Charts.Series(r.id(), xy[0], xy[1], null));
    }
    if (series.isEmpty()) {
      page.text("No cell finished an epoch: no learning curves.");
      return;
    }
    page.chart("loss-curves", "Training loss of every cell, the mean over each logged interval (output.log_every "
        + "steps) from its metrics.jsonl, against epochs (steps / steps per epoch, so cells of different batch sizes "
        + "line up), log scale." + (without.isEmpty() ? "" : " Not drawn (no epoch finished): "
        + String.join(", ", without) + "."), Charts.lineChart("training loss", "epoch", "loss (log)", series, true),
        Charts.WIDTH, legendHeight(series.size()));
  }

  /** The metric the target judges, per epoch and cell, with the target as a dashed line. */
  private static void target(ReportPage page, ResultsTable t) {
    Target target = t.target();
    List<Charts.Series> series = new ArrayList<>();
    for (CellResult r : t.rows()) {
      List<Map<String, Double>> epochs = r.run().epochs();
      double[] x = new double[epochs.size()];
      double[] y = new double[epochs.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = i + 1;
        y[i] = target.judged(epochs.get(i));
      }
      series.add(new Charts.Series(r.id(), x, y, null));
    }
    JFreeChart chart = Charts.integerX(Charts.lineChart(target.metric() + " per epoch", "epoch", target.metric(), series,
        false));
    Charts.referenceLine(chart, target.value(), "target " + target);
    page.chart("target", "The target's metric at the end of each epoch: the validation " + target.metric() + " where the "
        + "data has a validation split, else the epoch's training " + target.metric() + ". epochs_to_target is the "
        + "first epoch on the good side of the dashed line.", chart, Charts.WIDTH, legendHeight(series.size()));
  }

  /** Taller by a legend line for every 3 cells past 6: the legend lists every cell. */
  private static int legendHeight(int cells) {
    return Charts.HEIGHT + 22 * Math.max(0, (cells + 2) / 3 - 2);
  }

  private static List<String> ids(List<CellResult> rows) {
    return rows.stream().map(CellResult::id).toList();
  }

  private static double[] numbers(ResultsTable t, List<CellResult> rows, String column) {
    return rows.stream().mapToDouble(r -> t.number(r, column)).toArray();
  }
}
