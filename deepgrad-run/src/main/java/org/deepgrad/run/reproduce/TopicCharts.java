package org.deepgrad.run.reproduce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepgrad.run.report.Charts;
import org.deepgrad.run.report.DotPlots;
import org.deepgrad.run.report.ReportPage;

/**
 * The articles reproduction's charts: one small chart per topic ({@link Articles#RUNS}) with the training
 * loss of its runs, log scale (the regressions' MSE falls over decades), then the first/last-layer
 * gradient ratios at the initial weights of every run with more than one layer: what each technique
 * did to the gradient flow, as the summary table's "first/last at init" and "back-prop at init" columns
 * ({@link GradientFlow}).
 */
final class TopicCharts {
  private TopicCharts() {}

  static void add(ReportPage page, ReproductionFiles f) {
    Map<String, List<String>> topics = new LinkedHashMap<>();
    for (String run : f.names()) topics.computeIfAbsent(topic(run), t -> new ArrayList<>()).add(run);
    for (Map.Entry<String, List<String>> t : topics.entrySet()) {
      List<Charts.Series> lines = ReproductionCharts.lines(f, f.loss(), t.getValue(), "loss");
      if (lines.isEmpty()) continue;
      page.smallChart("topic-" + t.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""),
          "Topic " + t.getKey() + ": training loss of " + String.join(", ", lines.stream().map(Charts.Series::name).toList())
              + " (loss.csv), log scale.", Charts.lineChart(t.getKey(), "update", "loss (log)", lines, true));
    }
    List<String> runs = new ArrayList<>(f.names().stream().filter(r -> Double.isFinite(ratio(f, r, "weight_grad_norm",
        false))).toList());
    if (runs.isEmpty()) return;
    runs.sort(Comparator.comparing((String r) -> ratio(f, r, "weight_grad_norm", false), Comparator.reverseOrder()));
    List<DotPlots.Dots> dots = List.of(
        new DotPlots.Dots("weight gradient ‖∂L/∂W‖ first/output layer", values(f, runs, "weight_grad_norm", false)),
        new DotPlots.Dots("back-propagated Var(∂L/∂h) first/top hidden layer", values(f, runs, "grad_variance", true)));
    page.chart("gradient-flow", "The gradient reaching the first layer against the last at the initial weights "
        + "(layers.csv, update 1), log scale, as the summary table's \"first/last at init\" and \"back-prop at init\" "
        + "columns; runs largest first by the first. Near 1 the gradient reaches the first layer, far below it "
        + "vanishes; the back-propagated variance shows a vanishing signal that the weight gradients can hide (a deep "
        + "ReLU net with Xavier init). Runs of one layer are left out.", DotPlots.of("gradient flow at init",
        "first / last (log)", runs.stream().map(f::label).toList(), dots, true), Charts.WIDTH,
        DotPlots.height(runs.size()));
  }

  private static double[] values(ReproductionFiles f, List<String> runs, String column, boolean hiddenOnly) {
    return runs.stream().mapToDouble(r -> ratio(f, r, column, hiddenOnly)).toArray();
  }

  /**
   * {@code column} of the first layer over the last one's at {@code run}'s first sample (the initial
   * weights); with {@code hiddenOnly} among the hidden layers (activation not identity). NaN with fewer
   * than two such layers.
   */
  static double ratio(ReproductionFiles f, String run, String column, boolean hiddenOnly) {
    List<Map<String, String>> rows = f.layers().of(run);
    if (rows.isEmpty()) return Double.NaN;
    String first = rows.get(0).get("step");
    List<Map<String, String>> at = rows.stream().filter(r -> first.equals(r.get("step")))
        .filter(r -> !hiddenOnly || !"identity".equals(r.get("activation"))).toList();
    return at.size() < 2 ? Double.NaN
        : SeriesCsv.number(at.get(0), column) / SeriesCsv.number(at.get(at.size() - 1), column);
  }

  private static String topic(String run) {
    try {
      return Articles.topic(run);
    } catch (IllegalArgumentException notListed) {
      return "other";
    }
  }
}
