package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepgrad.run.report.ReportPage;

/**
 * {@code report.html} of a reproduction, beside report.md, and its charts as {@code charts/*.png}: a
 * self-contained page ({@link ReportPage}) with the claims (the paper's claim, our numbers, the
 * criterion, reproduced yes or no), the charts the claims rest on ({@link ReproductionCharts}), the runs,
 * and the experiment's own tables. Built from the CSV files in the directory, written before it
 * ({@link CsvFiles}), and the text of report.md.
 */
final class ReproductionPage {
  /** The page's file name. */
  static final String FILE = "report.html";

  private ReproductionPage() {}

  /**
   * Writes the page of the experiment {@code experiment} whose CSV files are in {@code dir}.
   *
   * @param intro Markdown: what the experiment is, the command, data, machine and time
   * @param body Markdown: the experiment's setup and tables behind the claims
   */
  static Path write(Path dir, String experiment, String title, String intro, String body) throws IOException {
    ReproductionFiles f = ReproductionFiles.read(dir);
    ReportPage page = new ReportPage(title);
    page.markdown(intro);
    page.heading("Claims");
    List<List<String>> claims = new ArrayList<>();
    for (Map<String, String> c : f.claims().rows()) {
      claims.add(List.of(c.get("claim"), c.get("source"), c.get("measured"), c.get("criterion"),
          "REPRODUCED".equals(c.get("verdict")) ? "yes" : "no"));
    }
    page.table(List.of("claim", "paper", "measured", "criterion", "reproduced"), claims);
    page.heading("Charts");
    ReproductionCharts.add(page, experiment, f);
    page.heading("Runs");
    List<List<String>> runs = new ArrayList<>();
    for (Map<String, String> r : f.runs().rows()) {
      runs.add(List.of(r.get("label"), Report.compact(r.get("model")), r.get("steps"),
          format("%.1f s", SeriesCsv.number(r, "seconds"), 1), format("%.4g", SeriesCsv.number(r, "train_loss"), 1),
          format("%.4g", SeriesCsv.number(r, "test_loss"), 1), format("%.2f%%", SeriesCsv.number(r, "test_accuracy"), 100),
          r.get("findings").isEmpty() ? "none" : r.get("findings")));
    }
    page.table(List.of("run", "model", "steps", "time", "train loss (last 10%)", "test loss", "test accuracy",
        "findings"), runs);
    page.markdown(body);
    page.heading("Files");
    page.text("report.md holds this page's text and tables; loss.csv, eval.csv, layers.csv, runs.csv and claims.csv "
        + "the series behind the charts (docs/reproductions.md); charts/*.png the charts; configs/RUN.yaml each run's "
        + "configuration, which 'deepgrad train configs/RUN.yaml' trains again.");
    return page.write(dir, FILE);
  }

  /** {@code v × scale} formatted, "-" for NaN. */
  private static String format(String pattern, double v, double scale) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, pattern, v * scale);
  }
}
