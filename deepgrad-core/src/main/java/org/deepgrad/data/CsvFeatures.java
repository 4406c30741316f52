package org.deepgrad.data;

import static org.deepgrad.data.DataFormatException.at;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deepgrad.tensor.Tensor;

/**
 * Reads a CSV file of feature values only, one sample per row and no target column: the inputs a
 * trained model predicts for. UTF-8, gzipped or not, comma-separated, quoting as {@link CsvReader}.
 *
 * <p>The first line with content is a header when every field is text that is not a number (names
 * such as {@code x1,x2}); it is skipped. When it is all numbers it is the first sample. A first line
 * mixing numbers with text (or with empty fields) is neither and is an error, so that a first sample
 * with a typo is never dropped silently as a "header". Blank lines are skipped. Every line must have
 * exactly {@code width} fields, each a finite decimal number (parsed as {@link CsvReader} parses
 * features). Every problem is a {@link DataFormatException} naming the file, line and column from 1.
 */
public final class CsvFeatures {
  private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private CsvFeatures() {}

  /**
   * The [n, width] features in {@code file}, n >= 1.
   *
   * @param width the number of values every row must have, at least 1
   */
  public static Tensor read(Path file, int width) throws IOException {
    if (width < 1) throw new IllegalArgumentException("CsvFeatures.read: width " + width + "; at least 1");
    String name = file.toString();
    try (InputStream raw = Files.newInputStream(file);
        CsvLines lines = new CsvLines(raw, name, CsvReader.DEFAULT_MAX_LINE_BYTES)) {
      float[] x = new float[Math.min(1 << 16, width) * 16];
      int n = 0;
      List<String> header = null;
      boolean first = true;
      for (String s = lines.nextNonBlank(); s != null; s = lines.nextNonBlank()) {
        long line = lines.number();
        List<String> f = CsvFields.split(s, ',', name, line);
        if (f.size() != width) {
          throw at(name, line, Math.min(f.size(), width) + 1, "", f.size() + " values", width + " values per row",
              "Give every row exactly " + width + " feature values, without a label, target or index column");
        }
        if (first) {
          first = false;
          if (isHeader(f, name, line)) {
            header = f;
            continue;
          }
        }
        if ((long) (n + 1) * width > MAX_ELEMENTS) {
          throw at(name, line, 0, "", "more than " + MAX_ELEMENTS + " values", "inputs that fit in one tensor",
              "Split the file");
        }
        if ((n + 1) * width > x.length) {
          x = Arrays.copyOf(x, (int) Math.min(MAX_ELEMENTS, Math.max((n + 1L) * width, 2L * x.length)));
        }
        for (int j = 0; j < width; j++) {
          String what = header == null ? "" : "column \"" + header.get(j).strip() + "\"";
          x[n * width + j] = CsvNumbers.parse(f.get(j), name, line, j + 1, what);
        }
        n++;
      }
      if (n == 0) {
        throw at(name, 0, 0, "", first ? "an empty file" : "no data rows after the header", "at least one row of "
            + width + " values", "The file holds no samples: check that it is the right file");
      }
      return Tensor.of(Arrays.copyOf(x, n * width), n, width);
    }
  }

  /** Whether the first line {@code f} is a header: all names; all numbers is data, a mix is an error. */
  private static boolean isHeader(List<String> f, String name, long line) throws DataFormatException {
    int numbers = 0;
    int first = -1;
    for (int j = 0; j < f.size(); j++) {
      String t = f.get(j).strip();
      boolean number = CsvNumbers.decimal(t);
      if (number) numbers++;
      if (first < 0 && (number || t.isEmpty())) first = j;
    }
    if (numbers == f.size()) return false;
    if (first < 0) return true;
    int bad = numbers == 0 ? first : firstText(f);
    throw at(name, line, bad + 1, "", "\"" + CsvNumbers.abbreviate(f.get(bad)) + "\" on a first line that mixes "
        + "numbers with text or empty fields", "a header of names only, or a first row of numbers only",
        "Fix the value, or name every column in the header");
  }

  private static int firstText(List<String> f) {
    int j = 0;
    while (CsvNumbers.decimal(f.get(j).strip())) j++;
    return j;
  }
}
