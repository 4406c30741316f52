package org.deepgrad.run.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.deepgrad.run.files.HistoryJson;
import org.jfree.chart.JFreeChart;

/**
 * Learning curves from metrics.jsonl: the training metric per logged step (the mean since the previous
 * record), the per-epoch training and validation metrics at the step each epoch ended, and the test
 * metric of the saved model at the last step; each curve only when the run has it, and a caption that
 * names the curves drawn.
 */
final class CurveCharts {
  /** A chart and the caption that says what it plots. */
  record Curves(JFreeChart chart, String caption) {}

  private static final Color TRAIN = new Color(0x1F77B4);
  private static final Color EPOCH = new Color(0x0B3C66);
  private static final Color VALIDATION = new Color(0xFF7F0E);
  private static final Color TEST = new Color(0xD62728);

  private CurveCharts() {}

  /** The curves of {@code metric} (loss, accuracy, mse, r2); null when no record has it. */
  static Curves of(RunFiles run, String metric) {
    List<Charts.Series> series = new ArrayList<>();
    List<String> drawn = new ArrayList<>();
    String interval = interval(run);
    if (add(series, "train (per " + interval + " steps)", run.steps(), metric, TRAIN)) {
      drawn.add("the training mean per " + interval + " steps");
    }
    if (add(series, "train (epoch)", run.epochs(), metric, EPOCH)) drawn.add("the training " + metric + " per epoch");
    if (add(series, "validation (epoch)", run.epochs(), "val_" + metric, VALIDATION)) {
      drawn.add("the validation " + metric + " per epoch");
    }
    String test = run.info().get("test_" + metric);
    if (test != null && !series.isEmpty()) {
      double last = run.end() != null ? run.end().path("steps").asDouble() : lastX(series);
      series.add(new Charts.Series("test (saved model)", new double[] {last}, new double[] {parse(test)}, TEST));
      drawn.add("the saved model's test " + metric);
    }
    if (series.isEmpty()) return null;
    String list = drawn.size() == 1 ? drawn.get(0)
        : String.join(", ", drawn.subList(0, drawn.size() - 1)) + " and " + drawn.get(drawn.size() - 1);
    return new Curves(Charts.lineChart(metric, "step", metric, series, false),
        Character.toUpperCase(metric.charAt(0)) + metric.substring(1) + ": " + list + ".");
  }

  /** Adds the finite values of {@code key} in {@code records} as a series; whether there were any. */
  private static boolean add(List<Charts.Series> out, String name, List<JsonNode> records, String key, Color color) {
    double[] x = new double[records.size()];
    double[] y = new double[records.size()];
    int n = 0;
    for (JsonNode r : records) {
      double v = HistoryJson.num(r, key);
      if (!Double.isFinite(v)) continue;
      x[n] = r.path("step").asDouble();
      y[n++] = v;
    }
    if (n > 0) out.add(new Charts.Series(name, java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n), color));
    return n > 0;
  }

  /** The gap between the first two step records (log_every). */
  private static String interval(RunFiles run) {
    List<JsonNode> s = run.steps();
    return s.size() < 2 ? "logged" : String.valueOf(s.get(1).path("step").asLong() - s.get(0).path("step").asLong());
  }

  private static double lastX(List<Charts.Series> series) {
    double last = 0;
    for (Charts.Series s : series) for (double x : s.x()) last = Math.max(last, x);
    return last;
  }

  private static double parse(String number) {
    try {
      return Double.parseDouble(number);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
