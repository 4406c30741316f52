package org.deepgrad.run.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.run.files.CsvTables;

/**
 * Writes a {@link ResultsTable} as {@code results.csv} (grid order, full precision, RFC 4180
 * quoting, empty for a missing number) and {@code results.md} (best first, rounded, with a
 * "best" line), each atomically, so a reader never sees half a table.
 */
final class ResultsFiles {
  static final String CSV = "results.csv";
  static final String MARKDOWN = "results.md";

  private ResultsFiles() {}

  static void write(Path out, String title, ResultsTable t) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (CellResult r : t.rows()) rows.add(t.columns().stream().map(c -> raw(t.value(r, c))).toList());
    byte[] csvBytes = CsvTables.text(t.columns(), rows).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(out.resolve(CSV), s -> s.write(csvBytes));
    byte[] md = markdown(title, t).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(out.resolve(MARKDOWN), s -> s.write(md));
  }

  /** The markdown page: a heading, what the table holds, the table best first, and the best cell. */
  static String markdown(String title, ResultsTable t) {
    StringBuilder b = new StringBuilder("# Sweep " + title + "\n\n");
    b.append(t.rows().size()).append(" cells with a result, best first by ").append(t.scoreColumn());
    if (t.target() != null) b.append("; epochs_to_target: the first epoch with ").append(t.target());
    b.append(".\n\n").append(table(t)).append('\n').append(bestLine(t)).append('\n');
    return b.toString();
  }

  /** The markdown table alone, best first (also printed at the end of a sweep). */
  static String table(ResultsTable t) {
    StringBuilder b = new StringBuilder("| " + String.join(" | ", t.columns()) + " |\n|");
    for (String c : t.columns()) b.append(numeric(t, c) ? " ---: |" : " --- |");
    b.append('\n');
    for (CellResult r : t.ranked()) {
      b.append('|');
      for (String c : t.columns()) b.append(' ').append(shown(t.value(r, c), c).replace("|", "\\|")).append(" |");
      b.append('\n');
    }
    return b.toString();
  }

  /** {@code best: depth=2,activation=relu (test_accuracy 0.9312)}, or why there is none. */
  static String bestLine(ResultsTable t) {
    return t.best().map(r -> "best: " + r.id() + " (" + t.scoreColumn() + " " + shown(t.value(r, t.scoreColumn()),
        t.scoreColumn()) + ")").orElse("best: none (no cell finished with a finite " + t.scoreColumn() + ")");
  }

  private static boolean numeric(ResultsTable t, String column) {
    return !t.rows().isEmpty() && t.rows().stream().map(r -> t.value(r, column)).anyMatch(v -> v instanceof Number);
  }

  private static String raw(Object v) {
    if (v == null || v instanceof Double d && !Double.isFinite(d)) return "";
    return v.toString();
  }

  /** {@code v} as the tables show it: 4 significant digits, seconds to 0.1, text cut at 80 characters, empty for none. */
  static String shown(Object v, String column) {
    if (!(v instanceof Double d)) return v == null ? "" : v.toString().length() > 80 ? v.toString().substring(0, 77)
        + "..." : v.toString();
    if (!Double.isFinite(d)) return "";
    if (column.equals("seconds")) return String.format(Locale.ROOT, "%.1f", d);
    return String.format(Locale.ROOT, "%.4g", d);
  }
}
