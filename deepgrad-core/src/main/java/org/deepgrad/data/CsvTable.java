package org.deepgrad.data;

import static org.deepgrad.data.DataFormatException.at;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file read once: the feature columns parsed as floats into one row-major array, and the
 * target columns kept as text (with their line numbers) for {@link CsvReader} to interpret as
 * labels or numbers. Blank lines are skipped; every other line must have the first line's field count.
 *
 * @param columns all column names (from the header, or "column j" without one)
 * @param targets the target columns, 0-based, in the order asked for
 * @param features n rows of d feature values
 * @param targetText n rows of k target fields, as written, stripped of surrounding spaces
 * @param lines the line number of each row, for messages
 */
record CsvTable(String file, List<String> columns, int[] targets, float[] features, int d, String[] targetText,
    long[] lines) {
  private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  int rows() {
    return lines.length;
  }

  /** How messages name column {@code j} (0-based): {@code column "name"}. */
  String name(int j) {
    return "column \"" + columns.get(j) + "\"";
  }

  /** The error for a file without a line of content. */
  static DataFormatException empty(String file, CsvReader.Options o) {
    return at(file, 0, 0, "", "an empty file", o.header() ? "a header row and data rows" : "data rows",
        "Check the path: the file has no line with content");
  }

  /** Reads {@code path}, after checking that the heap can hold it ({@link CsvSize}). */
  static CsvTable read(Path path, CsvReader.Options o) throws IOException {
    CsvSize.check(path, o, HeapBudget::free);
    String file = path.toString();
    try (InputStream raw = Files.newInputStream(path); CsvLines lines = new CsvLines(raw, file, o.maxLineBytes())) {
      String s = lines.nextNonBlank();
      if (s == null) throw empty(file, o);
      long first = lines.number();
      List<String> fields = CsvFields.split(s, o.delimiter(), file, first);
      List<String> columns = new ArrayList<>();
      for (int j = 0; j < fields.size(); j++) columns.add(o.header() ? fields.get(j).strip() : "column " + (j + 1));
      Builder b = new Builder(file, columns, o.resolve(columns, file, first), first, o.header());
      if (!o.header()) b.add(fields, first);
      while ((s = lines.nextNonBlank()) != null) {
        b.add(CsvFields.split(s, o.delimiter(), file, lines.number()), lines.number());
      }
      return b.build();
    }
  }

  /** Accumulates rows in growing arrays. */
  private static final class Builder {
    private final String file;
    private final List<String> columns;
    private final int[] targets;
    private final boolean[] isTarget;
    private final long first;
    private final boolean header;
    private final int d;
    private float[] x = new float[1024];
    private String[] y;
    private long[] lines = new long[64];
    private int n;

    Builder(String file, List<String> columns, int[] targets, long first, boolean header) throws DataFormatException {
      this.file = file;
      this.columns = columns;
      this.targets = targets;
      this.first = first;
      this.header = header;
      this.isTarget = new boolean[columns.size()];
      for (int t : targets) isTarget[t] = true;
      this.d = columns.size() - targets.length;
      this.y = new String[64 * targets.length];
      if (d == 0) {
        throw at(file, first, 0, "", "only target columns " + columns, "at least one feature column",
            "A model needs inputs: keep feature columns in the file");
      }
    }

    void add(List<String> f, long line) throws DataFormatException {
      if (f.size() != columns.size()) {
        throw at(file, line, Math.min(f.size(), columns.size()) + 1, "", f.size() + " fields", columns.size()
            + " fields as " + (header ? "in the header" : "on the first row") + " (line " + first + ")",
            "Every row needs one value per column: fix the row, or check the delimiter and quoting");
      }
      if ((long) (n + 1) * d > MAX_ELEMENTS) {
        throw at(file, line, 0, "", "more than " + MAX_ELEMENTS + " feature values", "a data set that fits in one tensor",
            "Split the file");
      }
      if ((n + 1) * d > x.length) x = Arrays.copyOf(x, (int) Math.min(MAX_ELEMENTS, Math.max((n + 1L) * d, 2L * x.length)));
      if (n == lines.length) {
        lines = Arrays.copyOf(lines, 2 * n);
        y = Arrays.copyOf(y, 2 * n * targets.length);
      }
      for (int j = 0, c = n * d; j < f.size(); j++) {
        if (!isTarget[j]) x[c++] = CsvNumbers.parse(f.get(j), file, line, j + 1, "column \"" + columns.get(j) + "\"");
      }
      for (int t = 0; t < targets.length; t++) y[n * targets.length + t] = f.get(targets[t]).strip();
      lines[n++] = line;
    }

    CsvTable build() throws DataFormatException {
      if (n == 0) {
        throw at(file, 0, 0, "", "no data rows" + (header ? " after the header" : ""), "at least one row",
            "The file holds no samples: check that it is the right file");
      }
      return new CsvTable(file, columns, targets, Arrays.copyOf(x, n * d), d,
          Arrays.copyOf(y, n * targets.length), Arrays.copyOf(lines, n));
    }
  }
}
