package org.deepgrad.run.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The chart factory of deepgrad's reports (JFreeChart, rendered headless to PNG): line charts with an
 * optional log scale, a reference line (also on a {@link DotPlots dot plot}), a colour ramp for depth. Other report-writing commands (sweeps, reproductions) build their
 * charts here and put them on a {@link ReportPage}.
 *
 * <pre>{@code
 * JFreeChart c = Charts.lineChart("training loss", "step", "loss", List.of(new Charts.Series("adam", x, y, null)), true);
 * page.chart("loss", "Training loss of each optimizer.", c);
 * }</pre>
 */
public final class Charts {
  static {
    System.setProperty("java.awt.headless", "true"); // before the first AWT class: no display needed
  }

  /** The size of a chart's PNG, in pixels. */
  public static final int WIDTH = 900;
  /** The height of a chart's PNG, in pixels. */
  public static final int HEIGHT = 420;
  /** The width of a small chart's PNG (two side by side on the page), in pixels. */
  public static final int SMALL_WIDTH = 450;
  /** The height of a small chart's PNG, in pixels. */
  public static final int SMALL_HEIGHT = 300;
  /** Matplotlib's viridis at six stops: dark blue (first layer) to yellow (last). */
  private static final Color[] RAMP = {new Color(0x440154), new Color(0x414487), new Color(0x2A788E),
      new Color(0x22A884), new Color(0x7AD151), new Color(0xFDE725)};
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  /** Tableau's 10 categorical colours (matplotlib's default cycle), for series without a colour of their own. */
  private static final Color[] CYCLE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
      new Color(0xD62728), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
      new Color(0xBCBD22), new Color(0x17BECF)};

  private Charts() {}

  /**
   * A named line; points whose x or y is not finite (or y &le; 0 on a log axis) are left out.
   *
   * @param color the line's colour; null for JFreeChart's default sequence
   */
  public record Series(String name, double[] x, double[] y, Color color) {}

  /**
   * A line chart of {@code series} (in the legend in their order); {@code logY} puts the y axis on a
   * log10 scale. A series with fewer than 30 points also marks its points.
   */
  public static JFreeChart lineChart(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (Series s : series) {
      XYSeries xy = new XYSeries(s.name(), false, true);
      for (int i = 0; i < s.x().length; i++) {
        double x = s.x()[i];
        double y = s.y()[i];
        if (Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0)) xy.add(x, y);
      }
      if (xy.getItemCount() == 0) continue;
      int k = data.getSeriesCount();
      data.addSeries(xy);
      renderer.setSeriesShapesVisible(k, s.x().length < 30);
      // past 10 uncoloured series the colours repeat, dashed
      renderer.setSeriesStroke(k, s.color() == null && k / CYCLE.length % 2 == 1 ? new BasicStroke(1.6f,
          BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {7, 4}, 0) : new BasicStroke(1.6f));
      renderer.setSeriesPaint(k, s.color() != null ? s.color() : cycle(k));
    }
    NumberAxis x = new NumberAxis(xLabel);
    x.setAutoRangeIncludesZero(false);
    ValueAxis y = logY ? logAxis(yLabel) : new NumberAxis(yLabel);
    if (y instanceof NumberAxis n) n.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    if (logY) atLeastADecade(y);
    return styled(new JFreeChart(title, TITLE, plot, true));
  }

  /** A log10 axis with ticks at powers of ten, written as 1E-3. */
  static LogAxis logAxis(String label) {
    LogAxis a = new LogAxis(label);
    a.setBase(10);
    a.setSmallestValue(1e-30);
    a.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole decades: 10^-3, not 10^-2.5
    return a;
  }

  /** Widens a log axis spanning less than a factor of 10 to one, about its centre, so it has a tick. */
  static void atLeastADecade(ValueAxis axis) {
    Range r = axis.getRange();
    if (r.getLowerBound() <= 0 || r.getUpperBound() / r.getLowerBound() >= 10) return;
    double mid = Math.sqrt(r.getLowerBound() * r.getUpperBound());
    axis.setRange(Math.pow(10, Math.floor(Math.log10(mid))) * 0.9, Math.pow(10, Math.ceil(Math.log10(mid))) * 1.1);
  }

  /**
   * Draws a dashed line across the value axis at {@code y}, labelled {@code label}: horizontal on an XY
   * chart (the label above its right end), vertical on a {@link DotPlots dot plot} (the label to its
   * right, at the bottom).
   */
  public static void referenceLine(JFreeChart chart, double y, String label) {
    ValueMarker m = new ValueMarker(y, Color.DARK_GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
    m.setLabel(label);
    boolean dots = chart.getPlot() instanceof CategoryPlot;
    m.setLabelAnchor(dots ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(dots ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
    ValueAxis axis;
    if (chart.getPlot() instanceof CategoryPlot plot) {
      plot.addRangeMarker(m);
      axis = plot.getRangeAxis();
    } else {
      chart.getXYPlot().addRangeMarker(m);
      axis = chart.getXYPlot().getRangeAxis();
    }
    // markers do not take part in the auto range: widen it to show the line
    Range r = axis.getRange();
    boolean log = axis instanceof LogAxis;
    double pad = log ? 2 : Math.max(Math.abs(y) * 0.1, 1e-12);
    if (y <= r.getLowerBound()) axis.setRange(log ? y / pad : y - pad, r.getUpperBound());
    if (y >= r.getUpperBound()) axis.setRange(axis.getRange().getLowerBound(), log ? y * pad : y + pad);
  }

  /** The {@code k}-th colour of the categorical cycle (10 colours, then again). */
  static Color cycle(int k) {
    return CYCLE[k % CYCLE.length];
  }

  /** Whole-number ticks on an XY chart's x axis (epochs, layers). */
  public static JFreeChart integerX(JFreeChart chart) {
    ((NumberAxis) chart.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return chart;
  }

  /** The colour of item {@code i} of {@code n} on the viridis ramp: depth order reads as dark to light. */
  public static Color ramp(int i, int n) {
    double t = n <= 1 ? 0 : (double) i / (n - 1) * (RAMP.length - 1);
    int k = (int) Math.min(RAMP.length - 2, Math.floor(t));
    double f = t - k;
    Color a = RAMP[k];
    Color b = RAMP[k + 1];
    return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }

  /** White background, light grey grid lines. */
  static JFreeChart styled(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    chart.getPlot().setOutlinePaint(Color.GRAY);
    Color grid = new Color(0xDDDDDD);
    if (chart.getPlot() instanceof XYPlot p) {
      p.setDomainGridlinePaint(grid);
      p.setRangeGridlinePaint(grid);
    } else if (chart.getPlot() instanceof CategoryPlot p) {
      p.setDomainGridlinePaint(grid);
      p.setRangeGridlinePaint(grid);
    }
    return chart;
  }

  /** {@code chart} rendered as a PNG of {@code width} x {@code height} pixels. */
  public static byte[] png(JFreeChart chart, int width, int height) {
    BufferedImage image = chart.createBufferedImage(width, height);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding to memory failed", e);
    }
    return bytes.toByteArray();
  }
}
