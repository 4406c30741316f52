package org.deepgrad.run.report;

import java.util.List;
import org.deepgrad.diagnostics.LayerInfo;
import org.deepgrad.diagnostics.StepStats;
import org.jfree.chart.JFreeChart;

/**
 * Layer x step heat map of log10 ‖∂L/∂W‖₂: each row a layer (the first at the bottom), each column a
 * sampled step. Vanishing gradients show as dark bottom rows, a run blowing up as a bright band spreading
 * over the steps; a zero or non-finite norm is a blank cell.
 */
final class HeatMapChart {
  private HeatMapChart() {}

  /** The heat map; null without sampled steps. */
  static JFreeChart of(List<LayerInfo> layers, List<StepStats> sampled, int every) {
    if (sampled.isEmpty()) return null;
    String[] rows = layers.stream().map(LayerLabels::shortOf).toArray(String[]::new);
    double[] x = new double[sampled.size()];
    double[][] z = new double[layers.size()][sampled.size()];
    for (int c = 0; c < x.length; c++) {
      StepStats s = sampled.get(c);
      x[c] = s.step();
      for (int r = 0; r < rows.length; r++) {
        double norm = r < s.layers().size() ? s.layers().get(r).weight().gradNorm() : Double.NaN;
        z[r][c] = norm > 0 ? Math.log10(norm) : Double.NaN;
      }
    }
    double width = every > 0 ? every : x.length > 1 ? (x[x.length - 1] - x[0]) / (x.length - 1) : 1;
    return HeatMaps.heatMap("gradient norm per layer and step", "step", "layer", rows, x, z, width,
        "log10 ‖∂L/∂W‖₂");
  }
}
