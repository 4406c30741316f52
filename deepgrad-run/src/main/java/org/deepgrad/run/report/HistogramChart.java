package org.deepgrad.run.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.deepgrad.diagnostics.Histogram;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.diagnostics.StepStats;
import org.deepgrad.diagnostics.Summary;
import org.jfree.chart.JFreeChart;

/**
 * Histograms of one sampled step, one line per hidden layer overlaid (Glorot &amp; Bengio 2010, figs. 6
 * and 7): the activation values, where sigmoid layers piling up at 0 or 1 are saturated, or the
 * back-propagated gradients ∂L/∂a, whose spread shrinking toward the input is a vanishing gradient. Each
 * line is a density (count / (total · bin width)) over the layer's {@value Histogram#BINS} bins, so
 * layers of different widths compare; the output layer is left out when there are hidden ones, its
 * logits spanning a far wider range. The gradients' densities are on a log scale: where they vanish, the
 * first layers' peaks are orders of magnitude taller and narrower than the last layers'.
 */
final class HistogramChart {
  private HistogramChart() {}

  /** The activation histograms of {@code s}; null when it has none. */
  static JFreeChart activations(StepStats s) {
    return of(s, LayerStats::activation, "activations at step " + s.step(), "activation value", false);
  }

  /** The back-propagated gradient histograms of {@code s}; null when it has none. */
  static JFreeChart gradients(StepStats s) {
    return of(s, LayerStats::outputGrad, "back-propagated gradients at step " + s.step(), "∂L/∂a", true);
  }

  private static JFreeChart of(StepStats s, Function<LayerStats, Summary> which, String title, String xLabel,
      boolean logY) {
    List<LayerStats> layers = s.layers().size() > 1 ? s.layers().subList(0, s.layers().size() - 1) : s.layers();
    List<Charts.Series> series = new ArrayList<>();
    for (LayerStats l : layers) {
      Summary sum = which.apply(l);
      if (sum == null) continue;
      Histogram h = sum.histogram();
      long[] counts = h.counts();
      long total = 0;
      for (long c : counts) total += c;
      double width = (h.hi() - h.lo()) / counts.length;
      if (total == 0 || !(width > 0)) continue;
      double[] x = new double[counts.length];
      double[] y = new double[counts.length];
      for (int b = 0; b < counts.length; b++) {
        x[b] = h.lo() + (b + 0.5) * width;
        y[b] = counts[b] / (total * width);
      }
      series.add(new Charts.Series("L" + (l.index() + 1) + " " + l.activationKind().configName(), x, y,
          Charts.ramp(l.index(), layers.size())));
    }
    return series.isEmpty() ? null : Charts.lineChart(title, xLabel, logY ? "density (log)" : "density", series, logY);
  }
}
