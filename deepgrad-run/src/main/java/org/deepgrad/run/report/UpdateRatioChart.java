package org.deepgrad.run.report;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.diagnostics.LayerInfo;
import org.deepgrad.diagnostics.StepStats;
import org.jfree.chart.JFreeChart;

/**
 * The update ratio ‖ΔW‖₂/‖W‖₂ of each layer's weight over the sampled steps, on a log scale, with the
 * reference line at 1e-3, the rule of thumb for a healthy learning rate (Karpathy, CS231n): far above
 * it the steps are too large, far below it the layer barely learns (LR_TOO_HIGH / LR_TOO_LOW,
 * VANISHING in docs/diagnostics.md).
 */
final class UpdateRatioChart {
  /** The reference ratio. */
  static final double REFERENCE = 1e-3;

  private UpdateRatioChart() {}

  /** The chart; null without sampled steps. */
  static JFreeChart of(List<LayerInfo> layers, List<StepStats> sampled) {
    if (sampled.isEmpty()) return null;
    List<Charts.Series> series = new ArrayList<>();
    for (LayerInfo l : layers) {
      double[] x = new double[sampled.size()];
      double[] y = new double[sampled.size()];
      for (int i = 0; i < x.length; i++) {
        StepStats s = sampled.get(i);
        x[i] = s.step();
        y[i] = l.index() < s.layers().size() ? s.layers().get(l.index()).weight().updateRatio() : Double.NaN;
      }
      series.add(new Charts.Series(LayerLabels.of(l), x, y, Charts.ramp(l.index(), layers.size())));
    }
    JFreeChart chart = Charts.lineChart("update ratio ‖ΔW‖/‖W‖", "step", "‖ΔW‖₂ / ‖W‖₂ (log)", series, true);
    Charts.referenceLine(chart, REFERENCE, "1e-3");
    return chart;
  }
}
