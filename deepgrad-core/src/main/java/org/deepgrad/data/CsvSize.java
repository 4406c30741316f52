package org.deepgrad.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;

/**
 * Checks, before a CSV file is read, that the heap can hold it ({@link HeapBudget}). Reading n rows
 * of d features and k targets holds at once the feature array as it grew and its final copy
 * (8·n·d bytes), the line numbers likewise (16·n) and the target texts (k·n strings of 32 bytes or
 * more, and their references, 8·k·n): at least {@code n·(8d + 16 + 40k)} bytes, a lower bound, so a
 * file is never refused that would have loaded.
 *
 * <p>Counting n costs a pass over the file, so it is skipped when an upper bound of that bound fits:
 * every value takes at least two bytes of text (a digit and a separator), so t bytes of text (a file
 * of s bytes holds t = s, or t ≤ 1032·s gzipped) hold at most t/2 + 1 values and as many rows, and
 * the bound is at most 40 bytes per value and 16 per row: 56·(t/2 + 1).
 */
final class CsvSize {
  private CsvSize() {}

  /**
   * Throws a {@link DataFormatException} naming the bytes needed and free when {@code path}, read with
   * {@code o}, needs more heap than {@code free} says is free for it; reads the file only when it may.
   */
  static void check(Path path, CsvReader.Options o, LongUnaryOperator free) throws IOException {
    String file = path.toString();
    long text = gzip(path) ? HeapBudget.MAX_GZIP_RATIO * Files.size(path) : Files.size(path);
    long most = 56 * (text / 2 + 1);
    if (most >= 0 && most <= free.applyAsLong(most)) return; // >= 0: no overflow
    long[] shape = count(path, o);
    long rows = shape[0];
    long k = o.names() != null ? o.names().size() : o.indices().length;
    long d = shape[1] - k;
    if (d < 1) return; // no features: the reader says so
    long needed = rows * (8 * d + 16 + 40 * k);
    long available = free.applyAsLong(needed);
    if (needed > available) {
      throw new DataFormatException(file, 0, 0, HeapBudget.tooLarge(file, rows + " rows of " + d + " features and "
          + k + " target" + (k == 1 ? "" : "s"), needed, available));
    }
  }

  /** The data rows (non-blank lines, less a header) and the fields of the first line, as {@link CsvTable} reads them. */
  private static long[] count(Path path, CsvReader.Options o) throws IOException {
    String file = path.toString();
    try (InputStream raw = Files.newInputStream(path); CsvLines lines = new CsvLines(raw, file, o.maxLineBytes())) {
      String s = lines.nextNonBlank();
      if (s == null) throw CsvTable.empty(file, o); // found now: no second pass to say so
      long columns = CsvFields.split(s, o.delimiter(), file, lines.number()).size();
      long rows = o.header() ? 0 : 1;
      while (lines.nextNonBlank() != null) rows++;
      return new long[] {rows, columns};
    }
  }

  private static boolean gzip(Path path) throws IOException {
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path))) {
      return Gzip.starts(in);
    }
  }
}
