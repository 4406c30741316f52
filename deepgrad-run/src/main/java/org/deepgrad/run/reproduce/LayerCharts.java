package org.deepgrad.run.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deepgrad.run.report.Charts;
import org.deepgrad.run.report.ReportPage;
import org.jfree.chart.JFreeChart;

/**
 * Per-layer charts of a reproduction from layers.csv, hidden layers only (the output layer, activation
 * identity, left out), numbered from 1 next to the input: the back-propagated gradient variance
 * Var(∂L/∂h) across depth at the initial weights (Glorot &amp; Bengio 2010, fig. 7; He et al. 2015), and
 * for each glorot2010 setting its variance and activations over training (fig. 2 for sigmoid).
 */
final class LayerCharts {
  private LayerCharts() {}

  /** glorot2010: the variance at init of every setting, the test errors, then two small charts per setting. */
  static void glorot(ReportPage page, ReproductionFiles f) {
    atInit(page, f, f.names());
    ReproductionCharts.testError(page, f);
    for (String run : f.names()) {
      Map<Integer, List<Map<String, String>>> layers = hidden(f, run);
      if (layers.isEmpty()) continue;
      String name = run.replace('.', '_');
      page.smallChart("grad-variance-" + name, f.label(run) + ": Var(∂L/∂h) of each hidden layer over training, log "
          + "scale (layer 1, dark, next to the input).", overTraining(layers, f.label(run), "grad_variance",
          "Var(∂L/∂h) (log)", true));
      boolean sigmoid = "sigmoid".equals(layers.values().iterator().next().get(0).get("activation"));
      page.smallChart("activation-" + name, f.label(run) + (sigmoid ? ": mean activation of each hidden layer over "
          + "training (fig. 2: the top layer, light, drops toward 0 early while the lower ones stay near 0.5)."
          : ": fraction of saturated units of each hidden layer over training (docs/diagnostics.md's definition for "
          + "the activation)."), sigmoid ? overTraining(layers, f.label(run), "act_mean", "mean activation", false)
          : overTraining(layers, f.label(run), "saturation", "saturated fraction", false));
    }
  }

  /** Var(∂L/∂h) of each hidden layer at the first sample (the initial weights) against depth, one line per run. */
  static void atInit(ReportPage page, ReproductionFiles f, List<String> runs) {
    List<Charts.Series> lines = new ArrayList<>();
    for (String run : runs) {
      Map<Integer, List<Map<String, String>>> layers = hidden(f, run);
      double[] x = new double[layers.size()];
      double[] y = new double[layers.size()];
      int i = 0;
      for (List<Map<String, String>> rows : layers.values()) {
        x[i] = i + 1;
        y[i++] = SeriesCsv.number(rows.get(0), "grad_variance");
      }
      if (x.length > 0) lines.add(new Charts.Series(f.label(run), x, y, null));
    }
    if (lines.isEmpty()) return;
    page.chart("grad-variance-init", "Var(∂L/∂h) over the batch, h the output of each hidden layer, at the initial "
        + "weights (layers.csv, update 1), log scale: falling toward layer 1 is a vanishing back-propagated gradient, "
        + "flat is what Xavier's and He's inits aim for.", Charts.integerX(Charts.lineChart("back-propagated "
        + "gradient variance at init", "hidden layer (1 = next to the input)", "Var(∂L/∂h) (log)", lines, true)));
  }

  /** {@code column} of each hidden layer against the update, coloured dark (first) to light (last). */
  private static JFreeChart overTraining(Map<Integer, List<Map<String, String>>> layers, String run, String column,
      String yLabel, boolean log) {
    List<Charts.Series> lines = new ArrayList<>();
    int i = 0;
    for (List<Map<String, String>> rows : layers.values()) {
      double[][] xy = SeriesCsv.xy(rows, "step", column);
      lines.add(new Charts.Series("layer " + (i + 1), xy[0], xy[1], Charts.ramp(i++, layers.size())));
    }
    return Charts.lineChart(run + ": " + yLabel.replace(" (log)", ""), "update", yLabel, lines, log);
  }

  /** The layers.csv rows of {@code run}'s hidden layers by depth, each in step order. */
  private static Map<Integer, List<Map<String, String>>> hidden(ReproductionFiles f, String run) {
    Map<Integer, List<Map<String, String>>> out = new TreeMap<>();
    for (Map<String, String> r : f.layers().of(run)) {
      if (!"identity".equals(r.get("activation"))) {
        out.computeIfAbsent((int) SeriesCsv.number(r, "depth"), d -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }
}
