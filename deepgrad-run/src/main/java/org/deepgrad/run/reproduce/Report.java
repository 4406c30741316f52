package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deepgrad.io.AtomicFiles;

/**
 * {@code report.md} of an experiment: the claims with our numbers, the criterion and the verdict; the
 * runs; the experiment's own tables; and what the CSV files ({@link CsvFiles}) hold for charts. Then
 * the same as {@code report.html} with the charts ({@link ReproductionPage}).
 */
final class Report {
  private Report() {}

  /**
   * Writes report.md, the CSV files and report.html with charts/*.png into {@code dir}.
   *
   * @param context the data set, the machine and the time taken, one line each
   */
  static void write(Path dir, Experiment e, Mode mode, List<RunResult> runs, Experiment.Outcome o, List<String> context)
      throws IOException {
    String title = "Reproduction: " + e.name() + (mode.quick() ? " (quick)" : "");
    StringBuilder intro = new StringBuilder(e.title()).append(" (").append(e.reference()).append(").\n\n");
    for (String line : context) intro.append("- ").append(line).append('\n');
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n").append(intro);
    md.append("\n## Claims\n\n").append(claims(o.claims()));
    md.append("\n## Runs\n\n").append(runs(runs));
    md.append('\n').append(o.body().strip()).append("\n\n## Files\n\n");
    md.append("Series for charts, one record type per file (long format: filter on `run`, plot two columns):\n\n"
        + "- `loss.csv`: run, step, loss, accuracy: training batch loss and accuracy, mean over blocks of updates\n"
        + "- `eval.csv`: run, step, test_loss, test_accuracy: the test split along the run and at the end\n"
        + "- `layers.csv`: run, step, layer, depth, activation, grad_variance, grad_norm, weight_grad_norm, "
        + "act_mean, act_std, saturation, dead_fraction, update_ratio: per layer at each sampled update (step 1 is "
        + "the initial weights); grad_variance is the variance of the gradient reaching the layer's output\n"
        + "- `runs.csv`, `claims.csv`: the two tables above\n"
        + "- `configs/RUN.yaml`: each run's config; `deepgrad train configs/RUN.yaml` trains it again\n"
        + "- `report.html`, `charts/*.png`: this report as one self-contained page, with the charts drawn from "
        + "these files\n");
    Files.createDirectories(dir);
    byte[] text = md.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve("report.md"), s -> s.write(text));
    CsvFiles.write(dir, runs, o.claims());
    ReproductionPage.write(dir, e.name(), title, intro.toString(), o.body());
  }

  static String claims(List<Claim> claims) {
    StringBuilder t = new StringBuilder("| claim | paper | measured | criterion | verdict |\n| --- | --- | --- | --- | --- |\n");
    for (Claim c : claims) {
      t.append(row(c.claim(), c.source(), c.measured(), c.criterion(), "**" + c.verdict() + "**"));
    }
    return t.toString();
  }

  static String runs(List<RunResult> runs) {
    StringBuilder t = new StringBuilder("| run | model | steps | time | train loss (last 10%) | test loss | test accuracy "
        + "| findings |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (RunResult r : runs) {
      t.append(row(r.plan().label(), compact(r.model()), String.valueOf(r.totalSteps()),
          String.format(Locale.ROOT, "%.1f s", r.seconds()), Stats.num(r.lossAt(r.totalSteps(), Math.max(1, r.totalSteps() / 10))),
          Stats.num(r.test().loss()), Stats.pct(r.testAccuracy()),
          findings(r)));
    }
    return t.toString();
  }

  static String findings(RunResult r) {
    String f = r.findings().stream().map(x -> x.kind().name()).distinct().collect(Collectors.joining(", "));
    return f.isEmpty() ? "none" : f;
  }

  /** {@code 784-64-64-64-10 relu} as {@code 784-64x3-10 relu}: runs of equal widths counted. */
  static String compact(String model) {
    int space = model.indexOf(' ');
    String[] w = (space < 0 ? model : model.substring(0, space)).split("-");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length; ) {
      int j = i;
      while (j < w.length && w[j].equals(w[i])) j++;
      b.append(b.isEmpty() ? "" : "-").append(w[i]).append(j - i > 2 ? "x" + (j - i) : j - i == 2 ? "-" + w[i] : "");
      i = j;
    }
    return b + (space < 0 ? "" : model.substring(space));
  }

  /** A Markdown table row; pipes in cells escaped. */
  static String row(String... cells) {
    StringBuilder b = new StringBuilder("|");
    for (String c : cells) b.append(' ').append(c.replace("|", "\\|")).append(" |");
    return b.append('\n').toString();
  }
}
