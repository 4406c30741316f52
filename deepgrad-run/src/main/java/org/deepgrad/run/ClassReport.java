package org.deepgrad.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-class results of a classifier on labelled samples: a table of class, samples and accuracy
 * (the recall of each class: the fraction of its samples predicted as it), and for up to
 * {@value #MAX_CONFUSION_CLASSES} classes the confusion matrix, rows the true class, columns the
 * predicted one, as scikit-learn's {@code confusion_matrix}.
 */
public final class ClassReport {
  /** Above this many classes the confusion matrix is left out: it would not fit a terminal. */
  static final int MAX_CONFUSION_CLASSES = 20;
  private static final int MAX_NAME = 16;

  private ClassReport() {}

  /** The report for class names {@code names}, true labels and predicted labels (each in [0, names.size())). */
  public static String format(List<String> names, int[] labels, int[] predicted) {
    int k = names.size();
    long[][] confusion = new long[k][k];
    for (int i = 0; i < labels.length; i++) confusion[labels[i]][predicted[i]]++;
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"class", "samples", "accuracy"});
    for (int c = 0; c < k; c++) {
      long samples = 0;
      for (long v : confusion[c]) samples += v;
      rows.add(new String[] {name(names.get(c)), String.valueOf(samples),
          samples == 0 ? "-" : String.format("%.2f%%", 100.0 * confusion[c][c] / samples)});
    }
    StringBuilder sb = new StringBuilder("per class:\n").append(table(rows));
    if (k > MAX_CONFUSION_CLASSES) {
      return sb.append("(confusion matrix left out: ").append(k).append(" classes, more than ")
          .append(MAX_CONFUSION_CLASSES).append(")\n").toString();
    }
    rows.clear();
    String[] header = new String[k + 1];
    header[0] = "true \\ predicted";
    for (int c = 0; c < k; c++) header[c + 1] = name(names.get(c));
    rows.add(header);
    for (int c = 0; c < k; c++) {
      String[] row = new String[k + 1];
      row[0] = name(names.get(c));
      for (int p = 0; p < k; p++) row[p + 1] = String.valueOf(confusion[c][p]);
      rows.add(row);
    }
    return sb.append("confusion matrix (rows: true class, columns: predicted class):\n").append(table(rows)).toString();
  }

  /** Columns padded to their widest cell: the first left-aligned, the others right-aligned. */
  private static String table(List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) for (int j = 0; j < r.length; j++) width[j] = Math.max(width[j], r[j].length());
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(String.format("%-" + width[0] + "s", r[0]));
      for (int j = 1; j < r.length; j++) line.append("  ").append(String.format("%" + width[j] + "s", r[j]));
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /** A class name cut to {@value #MAX_NAME} characters, so one long name does not widen the whole table. */
  private static String name(String s) {
    return s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME - 1) + "…";
  }
}
