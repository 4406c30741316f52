package org.deepgrad.run.repair;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepgrad.run.files.LayerRow;
import org.deepgrad.run.report.Charts;
import org.deepgrad.run.report.ReportPage;

/**
 * {@code repair.html}: how the runs were trained, then per round the table of {@link RepairText} and,
 * side by side, the training loss of every candidate and of the run it changes (the mean over each
 * sampling interval) and their gradient flow (each layer's weight-gradient RMS over the last layer's,
 * the median over the last sampled steps, as {@code diagnose}'s {@code grad/last} column); then the
 * verdict. Charts go to {@code charts/round-N-loss.png} and {@code charts/round-N-gradients.png}.
 */
final class RepairPage {
  private RepairPage() {}

  static Path write(Repair r, Path dir) throws IOException {
    ReportPage page = new ReportPage("deepgrad repair");
    page.text(RepairText.setup(r) + ".");
    page.text("The run as given: " + Repair.summary(r.original().trial()) + ".");
    for (Round round : r.rounds()) {
      page.heading("Round " + round.number() + ": changes of " + (round.base().changes().isEmpty() ? "the run as given"
          : round.base().name()));
      page.table(RepairText.header(r), RepairText.rows(round));
      for (Change.NotMade n : round.notMade()) page.text("Not tried: " + n.remedy().kind() + " (" + n.reason() + ").");
      List<Candidate> runs = new ArrayList<>(round.ranked());
      runs.add(round.base());
      page.smallChart("round-" + round.number() + "-loss", "Training loss of each run (mean over " + r.every()
          + " steps).", Charts.lineChart("training loss", "step", "loss (log)", losses(runs, r.every()), true));
      page.smallChart("round-" + round.number() + "-gradients", "Gradient flow: each layer's weight-gradient RMS over "
          + "the last layer's (grad/last; a run whose gradient is 0 has no point there).", Charts.integerX(
          Charts.lineChart("gradient flow", "layer (1 = first)", "grad/last (log)", gradients(runs), true)));
    }
    page.heading("Verdict");
    RepairText.verdict(r).forEach(page::text);
    return page.write(dir, Repair.PAGE);
  }

  private static List<Charts.Series> losses(List<Candidate> runs, int every) {
    List<Charts.Series> out = new ArrayList<>();
    for (Candidate c : runs) {
      double[] loss = c.trial().losses();
      int n = loss.length / every;
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < every; k++) y[i] += loss[i * every + k] / every;
        x[i] = (i + 1) * every;
      }
      out.add(new Charts.Series(label(c, runs), x, y, c == runs.get(runs.size() - 1) ? Color.BLACK : null));
    }
    return out;
  }

  private static List<Charts.Series> gradients(List<Candidate> runs) {
    List<Charts.Series> out = new ArrayList<>();
    for (Candidate c : runs) {
      if (c.trial().failed()) continue;
      List<LayerRow> rows = c.trial().diagnosis().rows();
      double[] x = new double[rows.size()];
      double[] y = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        x[i] = i + 1;
        y[i] = rows.get(i).gradRatio();
      }
      out.add(new Charts.Series(label(c, runs), x, y, c == runs.get(runs.size() - 1) ? Color.BLACK : null));
    }
    return out;
  }

  /** A candidate by its last change; the base of the round (the last of {@code runs}) by its name. */
  private static String label(Candidate c, List<Candidate> runs) {
    if (c == runs.get(runs.size() - 1)) return c.changes().isEmpty() ? Candidate.AS_GIVEN : c.name() + " (the base)";
    return c.last().remedy().kind().name();
  }
}
