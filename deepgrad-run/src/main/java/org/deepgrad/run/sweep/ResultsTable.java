package org.deepgrad.run.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The results of a sweep as one table, the model behind {@code results.csv} and {@code results.md}
 * ({@link ResultsFiles}) and any later report: one row per cell that has a result, in grid order.
 * Columns: {@code cell}, one per axis, {@code status}, {@code epochs}, {@code steps},
 * {@code train_loss} (the last epoch's), the validation metrics of the last epoch and the test
 * metrics that some row has ({@link #METRICS}), {@code epochs_to_target} when the grid has a target,
 * {@code grad_ratio_first_last}, {@code findings}, {@code seconds} and {@code message}.
 */
public record ResultsTable(List<String> axes, List<CellResult> rows, Target target, List<String> columns) {
  /** The metric columns, in table order, each shown when some row has it. */
  static final List<String> METRICS = List.of("val_loss", "val_accuracy", "val_mse", "val_r2", "test_loss",
      "test_accuracy", "test_mse", "test_r2");
  /** The columns the ranking may use, first present first. */
  private static final List<String> SCORES = List.of("test_accuracy", "test_mse", "test_loss", "val_accuracy",
      "val_mse", "val_loss", "train_loss");

  static ResultsTable of(List<String> axes, List<CellResult> rows, Target target) {
    List<String> columns = new ArrayList<>(List.of("cell"));
    columns.addAll(axes);
    columns.addAll(List.of("status", "epochs", "steps", "train_loss"));
    for (String m : METRICS) {
      if (rows.stream().anyMatch(r -> has(r, m))) columns.add(m);
    }
    if (target != null) columns.add("epochs_to_target");
    columns.addAll(List.of("grad_ratio_first_last", "findings", "seconds", "message"));
    return new ResultsTable(List.copyOf(axes), List.copyOf(rows), target, List.copyOf(columns));
  }

  private static boolean has(CellResult r, String metric) {
    return metric.startsWith("test_") ? r.run().test().containsKey(metric)
        : r.run().epochs().stream().anyMatch(e -> e.containsKey(metric));
  }

  /** The value in {@code column} of {@code r}: a String, an Integer, a Long or a Double (NaN: none); null for none. */
  Object value(CellResult r, String column) {
    if (axes.contains(column)) return r.values().get(column);
    return switch (column) {
      case "cell" -> r.id();
      case "status" -> r.status();
      case "epochs" -> r.run().epochs().size();
      case "steps" -> r.run().steps();
      case "train_loss" -> r.last("loss");
      case "epochs_to_target" -> {
        OptionalInt e = target.epochsTo(r.run().epochs());
        yield e.isPresent() ? Integer.valueOf(e.getAsInt()) : null;
      }
      case "grad_ratio_first_last" -> r.run().gradRatio();
      case "findings" -> String.join(";", r.run().findings());
      case "seconds" -> r.seconds();
      case "message" -> r.message();
      default -> column.startsWith("test_") ? r.run().test().getOrDefault(column, Double.NaN) : r.last(column);
    };
  }

  /** The column the ranking sorts by: the first of test accuracy, test mse, test loss, ... that is shown. */
  public String scoreColumn() {
    return SCORES.stream().filter(columns::contains).findFirst().orElse("train_loss");
  }

  /** Whether a larger value of {@code column} is better. */
  static boolean higherIsBetter(String column) {
    return column.endsWith("accuracy") || column.endsWith("r2");
  }

  /** The rows best first by {@link #scoreColumn}; rows without a finite score last, in grid order. */
  public List<CellResult> ranked() {
    return rankedBy(scoreColumn(), higherIsBetter(scoreColumn()));
  }

  /** The rows by the number in {@code column}, largest first with {@code higherFirst}; rows without one last, in grid order. */
  List<CellResult> rankedBy(String column, boolean higherFirst) {
    Comparator<Double> order = higherFirst ? Comparator.reverseOrder() : Comparator.naturalOrder();
    List<CellResult> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing((CellResult r) -> !Double.isFinite(number(r, column)))
        .thenComparing(r -> Double.isFinite(number(r, column)) ? number(r, column) : 0.0, order));
    return sorted;
  }

  /** The number in {@code column} of {@code r}; NaN when it has none. */
  public double number(CellResult r, String column) {
    return value(r, column) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** The best row that trained to its end (ok or stopped) with a finite score, if any. */
  public Optional<CellResult> best() {
    return ranked().stream().filter(r -> Double.isFinite(number(r, scoreColumn())))
        .filter(r -> r.status().equals(CellResult.OK) || r.status().equals(CellResult.STOPPED)).findFirst();
  }
}
