package org.deepgrad.data;

import static org.deepgrad.data.DataFormatException.at;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deepgrad.tensor.Tensor;

/**
 * Reads a numeric CSV file (UTF-8, optionally gzipped) into a {@link Dataset} or a {@link Regression}:
 * every column is a feature except the target column(s), chosen by header name or by 0-based index.
 *
 * <pre>{@code
 * Dataset iris = CsvReader.target("species").classificationMapped(path).data();
 * Dataset digits = CsvReader.target("label").classification(path, 10);
 * Regression r = CsvReader.targetIndex(2).withoutHeader().regression(path);
 * }</pre>
 *
 * <p>Classification labels are either class indices, integers in [0, classes) ({@link
 * #classification}: "3" and "3.0" both mean class 3), or any text, mapped to indices by sorting the
 * distinct values ({@link #classificationMapped}: numerically when all are numbers, else as strings;
 * "1" and "1.0" are then different classes). Sorting, not order of appearance, so the same classes
 * get the same indices however the file is ordered.
 *
 * <p>Feature and regression values must be finite decimal numbers. Every problem (no header, an
 * unknown column, a ragged row, a value that is not a number, NaN or infinity, a label out of range,
 * a line longer than {@link #maxLineBytes} bytes, bytes that are not UTF-8) is a
 * {@link DataFormatException} naming the file, line and column from 1, the text found and the fix.
 */
public final class CsvReader {
  /** The default bound on one line: 8 MiB, far above any real row, far below an out-of-memory error. */
  public static final int DEFAULT_MAX_LINE_BYTES = 8 << 20;

  private final Options options;

  private CsvReader(Options options) {
    this.options = options;
  }

  /** A reader (header row, commas) whose target columns are the ones with these header names. */
  public static CsvReader target(String... names) {
    if (names.length == 0) throw new IllegalArgumentException("CsvReader.target: name at least one target column");
    return new CsvReader(new Options(List.of(names), null, true, ',', DEFAULT_MAX_LINE_BYTES));
  }

  /** A reader (header row, commas) whose target columns are at these 0-based indices. */
  public static CsvReader targetIndex(int... indices) {
    if (indices.length == 0) throw new IllegalArgumentException("CsvReader.targetIndex: give at least one index");
    return new CsvReader(new Options(null, indices.clone(), true, ',', DEFAULT_MAX_LINE_BYTES));
  }

  /** The same reader for files whose first line is already data (targets must be chosen by index). */
  public CsvReader withoutHeader() {
    if (options.names() != null) {
      throw new IllegalArgumentException("CsvReader: targets by name " + options.names()
          + " need a header row; use CsvReader.targetIndex for a file without one");
    }
    return new CsvReader(new Options(null, options.indices(), false, options.delimiter(), options.maxLineBytes()));
  }

  /** The same reader with another field delimiter (default ','), e.g. ';' or '\t'. */
  public CsvReader delimiter(char delimiter) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("CsvReader: the delimiter cannot be a quote or a line break");
    }
    return new CsvReader(new Options(options.names(), options.indices(), options.header(), delimiter,
        options.maxLineBytes()));
  }

  /** The same reader with another bound on one line, in bytes (default {@value #DEFAULT_MAX_LINE_BYTES}). */
  public CsvReader maxLineBytes(int bytes) {
    if (bytes < 1) throw new IllegalArgumentException("CsvReader.maxLineBytes: " + bytes + " must be at least 1");
    return new CsvReader(new Options(options.names(), options.indices(), options.header(), options.delimiter(), bytes));
  }

  /** Classification with one target column of class indices: integers in [0, classes). */
  public Dataset classification(Path file, int classes) throws IOException {
    if (classes < 1) throw new IllegalArgumentException("CsvReader.classification: classes is " + classes + "; at least 1");
    CsvTable t = oneTarget(file);
    int[] labels = new int[t.rows()];
    for (int i = 0; i < labels.length; i++) {
      int column = t.targets()[0];
      String text = t.targetText()[i];
      double v = CsvNumbers.decimal(text) ? Double.parseDouble(text) : Double.NaN;
      if (!(v == Math.rint(v) && v >= 0 && v < classes)) {
        throw at(t.file(), t.lines()[i], column + 1, t.name(column), "label \"" + CsvNumbers.abbreviate(text)
            + "\"", "an integer class index in [0, " + classes + ")", "Pass the right number of classes, "
            + "or use classificationMapped to map any label values to indices");
      }
      labels[i] = (int) v;
    }
    return new Dataset(Tensor.of(t.features(), t.rows(), t.d()), labels, classes);
  }

  /**
   * Classification with one target column of any values, mapped to indices 0..k-1 in sorted order
   * (numeric when every value is a number, else by string).
   */
  public Mapped classificationMapped(Path file) throws IOException {
    CsvTable t = oneTarget(file);
    String[] text = t.targetText();
    boolean numeric = Arrays.stream(text).allMatch(CsvNumbers::decimal);
    Comparator<String> order = numeric
        ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
        : Comparator.naturalOrder();
    TreeSet<String> distinct = new TreeSet<>(order);
    distinct.addAll(Arrays.asList(text));
    List<String> names = List.copyOf(distinct);
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < names.size(); k++) index.put(names.get(k), k);
    int[] labels = new int[text.length];
    for (int i = 0; i < labels.length; i++) labels[i] = index.get(text[i]);
    return new Mapped(new Dataset(Tensor.of(t.features(), t.rows(), t.d()), labels, names.size()), names);
  }

  /** Regression: the target columns, in the order given, become the [n, k] targets. */
  public Regression regression(Path file) throws IOException {
    CsvTable t = CsvTable.read(file, options);
    int k = t.targets().length;
    float[] y = new float[t.rows() * k];
    for (int i = 0; i < t.rows(); i++) {
      for (int j = 0; j < k; j++) {
        int column = t.targets()[j];
        y[i * k + j] = CsvNumbers.parse(t.targetText()[i * k + j], t.file(), t.lines()[i], column + 1, t.name(column));
      }
    }
    return new Regression(Tensor.of(t.features(), t.rows(), t.d()), Tensor.of(y, t.rows(), k));
  }

  private CsvTable oneTarget(Path file) throws IOException {
    int k = options.names() != null ? options.names().size() : options.indices().length;
    if (k != 1) throw new IllegalArgumentException("CsvReader: classification takes one label column; " + k + " were given");
    return CsvTable.read(file, options);
  }

  /**
   * A classification data set read from text labels, with the value behind each class index.
   *
   * @param classNames element k is the label text mapped to class k
   */
  public record Mapped(Dataset data, List<String> classNames) {}

  /** The reader's settings; exactly one of {@code names} and {@code indices} is non-null. */
  record Options(List<String> names, int[] indices, boolean header, char delimiter, int maxLineBytes) {

    /** The 0-based target columns, checked against the file's columns. */
    int[] resolve(List<String> columns, String file, long line) throws DataFormatException {
      List<Integer> out = new ArrayList<>();
      if (names != null) {
        for (String name : names) {
          int j = columns.indexOf(name);
          if (j < 0 || columns.lastIndexOf(name) != j) {
            throw at(file, line, 0, header ? "header" : "", j < 0 ? "no column named \"" + name + "\"" : "two columns named \"" + name + "\"",
                "exactly one; the columns are " + columns, "Name the target column as the header spells it, or use targetIndex");
          }
          out.add(j);
        }
      } else {
        for (int j : indices) {
          if (j < 0 || j >= columns.size()) {
            throw at(file, line, 0, "", "target index " + j + " in a file of " + columns.size() + " columns",
                "an index in [0, " + columns.size() + ")", "Indices count from 0");
          }
          out.add(j);
        }
      }
      if (out.stream().distinct().count() != out.size()) {
        throw new IllegalArgumentException("CsvReader: target columns " + out + " repeat a column; name each once");
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
