package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the CSV files {@link CsvFiles} writes, read back for the charts of report.html: a header line,
 * then rows whose fields may be quoted ({@link CsvLine}), each field by its column's name. A missing
 * file reads as no rows.
 *
 * @param rows every row, each field by column name
 */
record SeriesCsv(List<Map<String, String>> rows) {
  static SeriesCsv read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return new SeriesCsv(List.of());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> head = lines.isEmpty() ? List.of() : CsvLine.fields(lines.get(0));
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      if (line.isBlank()) continue;
      List<String> f = CsvLine.fields(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < head.size(); i++) row.put(head.get(i), i < f.size() ? f.get(i) : "");
      rows.add(row);
    }
    return new SeriesCsv(List.copyOf(rows));
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
