package org.deepgrad.run.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.diagnostics.StepStats;
import org.deepgrad.diagnostics.Verdicts;
import org.deepgrad.run.files.DiagnosisJson;
import org.deepgrad.run.files.RunContents;
import org.jfree.chart.JFreeChart;

/**
 * {@code OUT/report.html} and {@code OUT/charts/*.png} of a run, built from its directory alone
 * ({@link RunFiles}): summary, findings, learning curves, gradient norm by depth, the layer x step heat
 * map, activation and gradient histograms, update ratios. Without diagnostics (--no-diagnose) the page
 * has the summary and curves and says so. See docs/reports.md.
 */
public final class RunReport {
  /** The page's file name in the run directory. */
  public static final String FILE = RunContents.REPORT;

  private RunReport() {}

  /** Builds the report of the run in {@code dir}; returns the page's path. */
  public static Path write(Path dir) throws IOException {
    RunFiles run = RunFiles.load(dir);
    ReportPage page = new ReportPage("deepgrad run " + dir.toAbsolutePath().normalize().getFileName());
    page.heading("Summary");
    SummarySection.add(page, run);
    List<StepStats> sampled = run.sampled();
    page.heading("Findings");
    if (run.diagnosis() != null) {
      FindingsSection.findings(page, run.diagnosis().path("findings"));
      FindingsSection.layers(page, run.diagnosis());
    } else if (run.history() != null) {
      page.html("<p class=\"note\">diagnostics.json is missing (the run has not ended, or was killed): these "
          + "findings are judged again from the samples in diagnostics.jsonl.</p>");
      FindingsSection.findings(page, DiagnosisJson.findings(Verdicts.judge(run.history(), run.setup())));
    } else {
      page.html("<p class=\"note\">Diagnostics were off for this run (<code>--no-diagnose</code>): no findings and "
          + "no gradient charts. Train with diagnostics (the default) to get them.</p>");
    }
    page.heading("Learning curves");
    for (String metric : List.of("loss", "accuracy")) {
      CurveCharts.Curves curves = CurveCharts.of(run, metric);
      if (curves != null) page.chart(metric, curves.caption(), curves.chart());
    }
    if (sampled.isEmpty()) return page.write(dir, FILE);
    List<StepStats> finite = sampled.stream().filter(RunReport::finite).toList();
    page.heading("Gradient flow");
    chart(page, "grad-depth", "‖∂L/∂W‖₂ of each layer's weight against depth at the first sampled step, a quarter, "
        + "half way and the last (finite ones): falling toward layer 1 is a vanishing gradient, rising an exploding one.",
        DepthChart.of(finite));
    chart(page, "grad-heatmap", "log10 ‖∂L/∂W‖₂ per layer (rows, L1 at the input) and sampled step (columns).",
        HeatMapChart.of(run.layers(), sampled, run.every()));
    if (!finite.isEmpty()) {
      page.heading("Activations and back-propagated gradients");
      StepStats first = finite.get(0);
      StepStats last = finite.get(finite.size() - 1);
      chart(page, "activations-first", "Activation histograms of the hidden layers at the first sampled step "
          + "(Glorot & Bengio 2010, fig. 6 style).", HistogramChart.activations(first));
      if (last != first) {
        chart(page, "activations-last", "Activation histograms at the last finite sampled step.",
            HistogramChart.activations(last));
      }
      chart(page, "gradients-last", "Histograms of the gradient back-propagated to each hidden layer's output, "
          + "∂L/∂a, at the last finite sampled step (Glorot & Bengio 2010, fig. 7 style).", HistogramChart.gradients(last));
    }
    page.heading("Update ratios");
    chart(page, "update-ratio", "‖ΔW‖₂/‖W‖₂ of each layer's weight per sampled step; the dashed line is the "
        + "~1e-3 rule of thumb.", UpdateRatioChart.of(run.layers(), sampled));
    return page.write(dir, FILE);
  }

  private static void chart(ReportPage page, String name, String caption, JFreeChart chart) {
    if (chart != null) page.chart(name, caption, chart);
  }

  /** Whether the step's loss and every layer's values are finite. */
  private static boolean finite(StepStats s) {
    return Double.isFinite(s.loss()) && s.layers().stream().allMatch(l -> l.nonFinite() == 0);
  }
}
