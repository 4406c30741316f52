package org.deepgrad.run.report;

import java.awt.Color;
import java.awt.Paint;
import java.util.Arrays;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Heat maps for reports: one row per named item (a layer), one column per x value (a step), the cell's
 * colour on the viridis ramp of {@link Charts#ramp} between the smallest and largest finite value, with
 * a colour legend; a non-finite cell is left blank (white). The x axis spans the columns exactly, from
 * the left edge of the first block to the right edge of the last, with no margin past the data.
 */
public final class HeatMaps {
  private HeatMaps() {}

  /**
   * A heat map of {@code z[row][column]} at columns {@code x}, each {@code blockWidth} wide.
   *
   * @param rows the row names, bottom to top
   * @param zLabel what the colour means, e.g. {@code log10 ‖∂L/∂W‖}
   */
  public static JFreeChart heatMap(String title, String xLabel, String yLabel, String[] rows, double[] x,
      double[][] z, double blockWidth, String zLabel) {
    int n = 0;
    for (double[] row : z) for (double v : row) if (Double.isFinite(v)) n++;
    double[][] xyz = new double[3][n];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int k = 0;
    for (int r = 0; r < z.length; r++) {
      for (int c = 0; c < x.length; c++) {
        double v = z[r][c];
        if (!Double.isFinite(v)) continue;
        xyz[0][k] = x[c];
        xyz[1][k] = r;
        xyz[2][k++] = v;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (n == 0) {
      lo = 0;
      hi = 1;
    } else if (hi <= lo) {
      hi = lo + 1; // a single value: the scale still needs a width
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries(zLabel, xyz);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setBlockWidth(blockWidth);
    renderer.setBlockHeight(1);
    Ramp scale = new Ramp(lo, hi);
    renderer.setPaintScale(scale);
    NumberAxis xAxis = new NumberAxis(xLabel);
    xAxis.setAutoRangeIncludesZero(false);
    if (x.length > 0) {
      double first = Arrays.stream(x).min().getAsDouble();
      double last = Arrays.stream(x).max().getAsDouble();
      xAxis.setRange(first - blockWidth / 2, last + blockWidth / 2); // blocks are centred on their x
    }
    SymbolAxis yAxis = new SymbolAxis(yLabel, rows);
    yAxis.setGridBandsVisible(false);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
    JFreeChart chart = Charts.styled(new JFreeChart(title, plot));
    chart.removeLegend();
    PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis(zLabel));
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    legend.setStripWidth(14);
    legend.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(legend);
    return chart;
  }

  /** Values from lo to hi on the viridis ramp. */
  private record Ramp(double lo, double hi) implements PaintScale {
    @Override
    public double getLowerBound() {
      return lo;
    }

    @Override
    public double getUpperBound() {
      return hi;
    }

    @Override
    public Paint getPaint(double v) {
      if (!Double.isFinite(v)) return Color.WHITE;
      double t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
      return Charts.ramp((int) Math.round(t * 1000), 1001);
    }
  }
}
