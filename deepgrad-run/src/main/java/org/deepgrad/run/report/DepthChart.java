package org.deepgrad.run.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.diagnostics.StepStats;
import org.jfree.chart.JFreeChart;

/**
 * The gradient norm ‖∂L/∂W‖₂ of each layer's weight against its depth (1 = the layer the input meets) at
 * a few moments of the run: the first sampled step, a quarter, half way and the last, on a log scale. A
 * line falling toward the input is a vanishing gradient (Glorot &amp; Bengio 2010, fig. 7; He et al.
 * 2015), one rising toward it an exploding one; a healthy network keeps it roughly flat.
 */
final class DepthChart {
  private DepthChart() {}

  /** The chart of {@code sampled} steps; null when there is none. */
  static JFreeChart of(List<StepStats> sampled) {
    if (sampled.isEmpty()) return null;
    List<Integer> moments = moments(sampled.size());
    List<Charts.Series> series = new ArrayList<>();
    for (int m = 0; m < moments.size(); m++) {
      StepStats s = sampled.get(moments.get(m));
      double[] x = new double[s.layers().size()];
      double[] y = new double[x.length];
      for (LayerStats l : s.layers()) {
        x[l.index()] = l.index() + 1;
        y[l.index()] = l.weight().gradNorm();
      }
      series.add(new Charts.Series("step " + s.step(), x, y, Charts.ramp(m, moments.size())));
    }
    return Charts.integerX(Charts.lineChart("gradient norm by depth", "layer (1 = first, at the input)",
        "‖∂L/∂W‖₂ (log)", series, true));
  }

  /** The indices of the first, 25%, 50% and last of {@code n} samples, without repeats. */
  static List<Integer> moments(int n) {
    Set<Integer> out = new LinkedHashSet<>();
    for (double q : new double[] {0, 0.25, 0.5, 1}) out.add((int) Math.round(q * (n - 1)));
    return new ArrayList<>(out);
  }
}
