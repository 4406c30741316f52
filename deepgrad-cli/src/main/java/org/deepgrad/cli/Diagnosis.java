package org.deepgrad.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.History;
import org.deepgrad.diagnostics.Remedy;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.TrainResult;

/**
 * What the diagnostics of a run found, ready to print ({@link #print}) or write as JSON
 * ({@link DiagnosisJson}): the per-layer table and the findings, for {@code deepgrad diagnose} and
 * {@code deepgrad train --diagnose}.
 *
 * @param result how the run ended
 * @param every the sampling period in steps
 * @param samples how many steps were sampled
 * @param window how many of them the table's medians are over (the last finite ones, at most
 *     {@value History#WINDOW}); 0 when no sampled step was finite
 * @param rows the per-layer table
 * @param findings the findings, most severe first
 */
record Diagnosis(TrainResult result, int every, int samples, int window, List<LayerRow> rows, List<Finding> findings) {
  /** The file in the output directory that holds the JSON form. */
  static final String FILE = "diagnostics.json";

  /** The diagnosis of what {@code d} recorded in a run that ended with {@code result}. */
  static Diagnosis of(DiagnosticsListener d, int every, TrainResult result) {
    History h = d.history();
    return new Diagnosis(result, every, h.sampled().size(), h.recent().size(), LayerRow.of(h), d.findings());
  }

  /** The kinds among {@code kinds} that some finding has, in the order of the findings. */
  List<Finding.Kind> present(Set<Finding.Kind> kinds) {
    return findings.stream().map(Finding::kind).filter(kinds::contains).distinct().toList();
  }

  /** Prints the table and the findings. */
  void print(PrintWriter out) {
    out.println(headline());
    if (samples == 0) {
      out.println("no step was sampled (" + result.steps() + " steps, sampling every " + every + "), so there is no "
          + "per-layer table");
    } else if (window == 0) {
      out.println("no sampled step has finite values, so there is no per-layer table");
    } else {
      out.println("per layer, the median over the last " + window + " sampled steps:");
      table(out);
    }
    out.println(findings.isEmpty() ? "findings: none" : "findings: " + findings.size());
    for (Finding f : findings) {
      out.println(title(f));
      out.println("  " + f.explanation());
      f.numbers().forEach((k, v) -> out.println("  " + k + ": " + number(v)));
      for (Remedy r : f.remedies()) out.println("  remedy: " + r.text() + " (" + r.reference() + ")");
    }
  }

  /** Prints the headline and one line per finding (kind, severity, layers): train's short form. */
  void printBrief(PrintWriter out) {
    out.println(headline());
    out.println(findings.isEmpty() ? "findings: none" : "findings: " + findings.size());
    for (Finding f : findings) out.println("  " + title(f));
  }

  private String headline() {
    return "diagnostics: " + result.steps() + " steps (" + result.stopReason()
        + result.nonFinite().map(n -> ": " + n).orElse("") + "), " + samples + " sampled (every " + every + ")";
  }

  /** {@code VANISHING (warning) in layers 0, 3}. */
  private static String title(Finding f) {
    return f.kind() + " (" + f.severity().name().toLowerCase(Locale.ROOT) + ")"
        + (f.layers().isEmpty() ? "" : " in layer" + (f.layers().size() > 1 ? "s " : " ") + String.join(", ", f.layers()));
  }

  private void table(PrintWriter out) {
    String[] head = {"layer", "activation", "in->out", "grad norm", "grad/last", "act std", "saturated", "dead",
        "update ratio"};
    String[][] cells = new String[rows.size() + 1][];
    cells[0] = head;
    for (int i = 0; i < rows.size(); i++) {
      LayerRow r = rows.get(i);
      cells[i + 1] = new String[] {r.name(), r.activation(), r.fanIn() + "->" + r.fanOut(), cell(r.gradNorm()),
          cell(r.gradRatio()), cell(r.activationStd()), percent(r.saturation()), percent(r.dead()),
          cell(r.updateRatio())};
    }
    int[] width = new int[head.length];
    for (String[] row : cells) for (int c = 0; c < row.length; c++) width[c] = Math.max(width[c], row[c].length());
    for (String[] row : cells) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        String format = c < 2 ? "%-" + width[c] + "s" : "%" + width[c] + "s"; // names left, numbers right
        line.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, row[c]));
      }
      out.println(line);
    }
  }

  /** Three significant digits; whole numbers (steps, counts) as such; NaN and Infinity spelled out. */
  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : String.valueOf(v);
  }

  /** A table cell: {@link #number}, or "-" for NaN, which there means not measured or not applicable. */
  private static String cell(double v) {
    return Double.isNaN(v) ? "-" : number(v);
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
