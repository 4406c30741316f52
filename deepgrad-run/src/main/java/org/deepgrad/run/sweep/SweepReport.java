package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepgrad.run.files.MetricsLog;
import org.deepgrad.run.report.ReportPage;
import org.deepgrad.run.report.RunReport;

/**
 * {@code OUT/results.html} and {@code OUT/charts/*.png}: a sweep's comparison page, self-contained like
 * a run's report ({@link ReportPage}): the results table best first, the charts of {@link SweepCharts},
 * and links to each cell's own report. Written at the end of every sweep (so also after a rerun that
 * resumed one), and rebuilt from the directory's files by {@code deepgrad report OUT}. See docs/sweeps.md.
 */
public final class SweepReport {
  /** The page's file name in the sweep's directory. */
  public static final String FILE = "results.html";

  private SweepReport() {}

  /** Whether {@code dir} is a sweep's directory: it has sweep.json and, unlike a run's, no metrics.jsonl. */
  public static boolean isSweep(Path dir) {
    return Files.isRegularFile(dir.resolve(SweepState.FILE)) && !Files.exists(dir.resolve(MetricsLog.FILE));
  }

  /** Rebuilds the page of the sweep in {@code dir} from sweep.json and the cells' files; returns its path. */
  public static Path rebuild(Path dir) throws IOException {
    JsonNode sweep = SweepState.read(dir);
    return write(dir, sweep.path("name").asText(), sweep.path("cells").size(), Results.read(dir, sweep));
  }

  /** {@link #write}, or on failure (a chart library error, a full disk) a warning naming the command that rebuilds it; null then. */
  static Path writeOrWarn(Path out, String name, int cells, ResultsTable t, PrintWriter console) {
    try {
      return write(out, name, cells, t);
    } catch (IOException | RuntimeException | LinkageError | java.awt.AWTError e) {
      console.println("warning: " + out.resolve(FILE) + " could not be written (" + e + "); results.csv and results.md "
          + "are complete. Rebuild it with: deepgrad report " + out);
      return null;
    }
  }

  /**
   * Writes the page of {@code t} into {@code out}.
   *
   * @param cells the number of cells in the grid (those without a result are not in {@code t})
   */
  static Path write(Path out, String name, int cells, ResultsTable t) throws IOException {
    ReportPage page = new ReportPage("sweep " + name);
    page.text(t.rows().size() + " of " + cells + " cells have a result; the table is best first by " + t.scoreColumn()
        + (t.target() == null ? "" : "; epochs_to_target is the first epoch with " + t.target()) + ". "
        + ResultsFiles.bestLine(t) + ".");
    page.heading("Results");
    List<List<String>> rows = new ArrayList<>();
    for (CellResult r : t.ranked()) rows.add(t.columns().stream().map(c -> ResultsFiles.shown(t.value(r, c), c)).toList());
    page.table(t.columns(), rows);
    SweepCharts.add(page, out, t);
    StringBuilder links = new StringBuilder();
    for (CellResult r : t.rows()) {
      Path report = out.resolve(Plan.CELLS).resolve(r.id()).resolve(RunReport.FILE);
      if (!Files.isRegularFile(report)) continue;
      String href = Plan.CELLS + "/" + r.id() + "/" + RunReport.FILE; // ids are letters, digits and ._=,+- only
      links.append("<li><a href=\"").append(ReportPage.escape(href)).append("\">").append(ReportPage.escape(r.id()))
          .append("</a></li>");
    }
    if (!links.isEmpty()) {
      page.heading("Each cell's report").html("<ul>" + links + "</ul>");
    }
    return page.write(out, FILE);
  }
}
