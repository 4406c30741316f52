package org.deepgrad.run.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Horizontal dot plots (Cleveland's dot chart): one row per item, e.g. a sweep cell or a run, top to
 * bottom in the order given, a dot per value on its row. Unlike bars they need no zero, so they work
 * on a log scale (a gradient ratio from 1e-9 to 1).
 *
 * <pre>{@code
 * JFreeChart c = DotPlots.of("test accuracy", "accuracy", cells, List.of(new DotPlots.Dots("test", acc)), false);
 * page.chart("accuracy", "Test accuracy per cell, best first.", c, Charts.WIDTH, DotPlots.height(cells.size()));
 * }</pre>
 */
public final class DotPlots {
  private DotPlots() {}

  /** A named set of values, one per row; a value that is not finite (or &le; 0 on a log axis) draws no dot. */
  public record Dots(String name, double[] values) {}

  /**
   * The dot plot of {@code series} over the rows {@code labels} (sort them first; a row keeps its place
   * without a value), the value axis at the bottom, on a log10 scale with {@code log}; a legend when
   * there are several series.
   */
  public static JFreeChart of(String title, String valueLabel, List<String> labels, List<Dots> series, boolean log) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Dots s : series) {
      for (int i = 0; i < labels.size(); i++) {
        double v = s.values()[i];
        data.addValue(Double.isFinite(v) && (!log || v > 0) ? Double.valueOf(v) : null, s.name(), labels.get(i));
      }
    }
    CategoryAxis rows = new CategoryAxis(null);
    rows.setMaximumCategoryLabelWidthRatio(0.45f); // long cell ids stay on one line
    ValueAxis values = log ? Charts.logAxis(valueLabel) : new NumberAxis(valueLabel);
    if (values instanceof NumberAxis n) n.setAutoRangeIncludesZero(false);
    LineAndShapeRenderer renderer = new LineAndShapeRenderer(false, true);
    for (int k = 0; k < series.size(); k++) renderer.setSeriesPaint(k, Charts.cycle(k));
    CategoryPlot plot = new CategoryPlot(data, rows, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT); // the values below the rows, as on the line charts
    plot.setDomainGridlinesVisible(true); // a faint line along each row leads the eye to its label
    if (log) Charts.atLeastADecade(values);
    return Charts.styled(new JFreeChart(title, Charts.TITLE, plot, series.size() > 1));
  }

  /** The PNG height in pixels for {@code rows} rows: {@link Charts#HEIGHT} up to 13 rows, 24 more per row after. */
  public static int height(int rows) {
    return Math.max(Charts.HEIGHT, 110 + 24 * rows);
  }
}
