package org.deepgrad.run.files;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV files deepgrad writes and reads back (a sweep's {@code results.csv}, a reproduction's
 * series), through Jackson's CSV module: a header line, then one line per row, a field quoted only
 * when it holds a comma, a quote or a line break (RFC 4180).
 */
public final class CsvTables {
  private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private CsvTables() {}

  /** The text of a file with {@code header} and {@code rows} (each as long as the header). */
  public static String text(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    try {
      return CSV.writer(CsvSchema.emptySchema()).writeValueAsString(all);
    } catch (IOException e) {
      throw new UncheckedIOException("writing CSV to a string failed", e);
    }
  }

  /**
   * The rows of {@code file}, each field by its column's name (an empty string where a row is short);
   * no rows when the file is missing. Blank lines are skipped.
   */
  public static List<Map<String, String>> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return List.of();
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = CSV.readerFor(List.class).with(CsvSchema.emptySchema())
        .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(file.toFile())) {
      List<String> header = it.hasNext() ? it.next() : List.of();
      while (it.hasNext()) {
        List<String> fields = it.next();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) row.put(header.get(i), i < fields.size() ? fields.get(i) : "");
        rows.add(row);
      }
    }
    return rows;
  }
}
