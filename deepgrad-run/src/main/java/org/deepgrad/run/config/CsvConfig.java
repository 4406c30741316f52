package org.deepgrad.run.config;

import java.util.List;

/**
 * The {@code data.csv} section: how a {@code csv:PATH} data set is read (see core's CsvReader).
 *
 * @param target the target column: a header name, or a 0-based index (default {@code label})
 * @param targetIndex whether {@code target} is an index rather than a name
 * @param header whether the first line names the columns (default true)
 * @param delimiter the field separator (default ',')
 * @param task classification (labels mapped to classes) or regression (numeric targets)
 */
public record CsvConfig(String target, boolean targetIndex, boolean header, char delimiter, String task) {
  /** The tasks a CSV file can be read for. */
  public static final List<String> TASKS = List.of("classification", "regression");
  static final List<String> KEYS = List.of("target", "header", "delimiter", "task");

  static CsvConfig read(ConfigNode n) {
    n.allowOnly(KEYS);
    boolean index = n.has("target") && n.raw("target").isIntegralNumber();
    String target = index ? String.valueOf(n.whole("target", 0, 0, Integer.MAX_VALUE)) : n.text("target", "label");
    boolean header = n.bool("header", true);
    if (!header && !index) {
      throw n.bad("header", "a file without a header row needs the target column by 0-based index, "
          + "e.g. target: 0");
    }
    String delimiter = n.text("delimiter", ",");
    if (delimiter.length() != 1 || delimiter.equals("\"")) {
      throw n.bad("delimiter", "must be one character other than a quote, e.g. ',' or ';'");
    }
    return new CsvConfig(target, index, header, delimiter.charAt(0), n.choice("task", "classification", TASKS));
  }

  /** This section with {@code target} as given; {@link TrainConfig#validated} checks it. */
  public CsvConfig withTarget(String target) {
    return new CsvConfig(target, targetIndex, header, delimiter, task);
  }

  /** This section with {@code header} as given; {@link TrainConfig#validated} checks it. */
  public CsvConfig withHeader(boolean header) {
    return new CsvConfig(target, targetIndex, header, delimiter, task);
  }

  /** This section with {@code delimiter} as given; {@link TrainConfig#validated} checks it. */
  public CsvConfig withDelimiter(char delimiter) {
    return new CsvConfig(target, targetIndex, header, delimiter, task);
  }

  /** This section with {@code task} as given; {@link TrainConfig#validated} checks it. */
  public CsvConfig withTask(String task) {
    return new CsvConfig(target, targetIndex, header, delimiter, task);
  }
}
