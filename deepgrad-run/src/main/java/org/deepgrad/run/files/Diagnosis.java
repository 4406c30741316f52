package org.deepgrad.run.files;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.History;
import org.deepgrad.diagnostics.InputStats;
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
 * @param inputs the training inputs' statistics, or null when not measured
 * @param rows the per-layer table
 * @param findings the findings, causes before their consequences ({@link org.deepgrad.diagnostics.Verdicts})
 */
public record Diagnosis(TrainResult result, int every, int samples, int window, InputStats inputs, List<LayerRow> rows,
    List<Finding> findings) {
  /** The file in the output directory that holds the JSON form. */
  public static final String FILE = "diagnostics.json";

  /** The diagnosis of what {@code d} recorded in a run that ended with {@code result}. */
  public static Diagnosis of(DiagnosticsListener d, int every, TrainResult result) {
    History h = d.history();
    return new Diagnosis(result, every, h.sampled().size(), h.recent().size(), h.inputs(), LayerRow.of(h),
        d.findings());
  }

  /** The kinds among {@code kinds} that some finding has, in the order of the findings. */
  public List<Finding.Kind> present(Set<Finding.Kind> kinds) {
    return findings.stream().map(Finding::kind).filter(kinds::contains).distinct().toList();
  }

  /** Prints the inputs' line, the table and the findings. */
  public void print(PrintWriter out) {
    out.println(headline());
    if (inputs != null) out.println(inputsLine(inputs));
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
  public void printBrief(PrintWriter out) {
    out.println(headline());
    out.println(findings.isEmpty() ? "findings: none" : "findings: " + findings.size());
    for (Finding f : findings) out.println("  " + title(f));
  }

  private String headline() {
    return "diagnostics: " + result.steps() + " steps (" + result.stopReason()
        + result.nonFinite().map(n -> ": " + n).orElse("") + "), " + samples + " sampled (every " + every + ")";
  }

  /**
   * {@code inputs: 8000 samples x 784 features, mean 33.4, RMS 85.4, from 0 to 255; 114 features constant},
   * and the features with NaN or infinite values when there are some.
   */
  public static String inputsLine(InputStats in) {
    int bad = in.nonFiniteFeatures();
    int constant = in.constantFeatures();
    return "inputs: " + in.rows() + " samples x " + in.features() + " features, mean " + number(in.overallMean())
        + ", RMS " + number(in.rms()) + ", from " + number(in.overallMin()) + " to " + number(in.overallMax())
        + (constant == 0 ? "" : "; " + constant + " feature" + (constant == 1 ? "" : "s") + " constant")
        + (bad == 0 ? "" : "; " + bad + " feature" + (bad == 1 ? "" : "s") + " with NaN or infinite values");
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
