package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepgrad.run.files.CsvTables;

/**
 * One of the CSV files {@link CsvFiles} writes, read back for the charts of report.html: a header line,
 * then rows ({@link CsvTables}), each field by its column's name. A missing file reads as no rows.
 *
 * @param rows every row, each field by column name
 */
record SeriesCsv(List<Map<String, String>> rows) {
  static SeriesCsv read(Path file) throws IOException {
    return new SeriesCsv(List.copyOf(CsvTables.read(file)));
  }

  /** The rows of run {@code run}, in file order. */
  List<Map<String, String>> of(String run) {
    return rows.stream().filter(r -> run.equals(r.get("run"))).toList();
  }

  /** The {x, y} columns of {@code rows} as numbers (NaN where empty). */
  static double[][] xy(List<Map<String, String>> rows, String x, String y) {
    double[][] out = new double[2][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      out[0][i] = number(rows.get(i), x);
      out[1][i] = number(rows.get(i), y);
    }
    return out;
  }

  /** The field {@code column} of {@code row} as a number; NaN when empty, missing or not a number. */
  static double number(Map<String, String> row, String column) {
    String v = row.getOrDefault(column, "");
    try {
      return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
