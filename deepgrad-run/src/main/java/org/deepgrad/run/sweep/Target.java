package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The grid's {@code target:}, e.g. {@code accuracy: 0.9}: a metric and the value that counts as
 * reached, for the "epochs to target" column. Accuracy and r2 are reached at or above the value,
 * loss and mse at or below. Each epoch is judged on its validation metric ({@code val_accuracy})
 * when the data has a validation split, else on the training metric of the epoch record in
 * {@code metrics.jsonl}.
 *
 * @param metric accuracy, loss, mse or r2
 */
public record Target(String metric, double value) {
  /** The metrics a target can name. */
  static final List<String> METRICS = List.of("accuracy", "loss", "mse", "r2");

  /** Whether a larger value is better. */
  boolean higherIsBetter() {
    return metric.equals("accuracy") || metric.equals("r2");
  }

  /**
   * The first epoch (from 1) whose record reaches the target, or empty when none does.
   *
   * @param epochs the epoch records in order, each the metrics by name (loss, val_loss, ...)
   */
  OptionalInt epochsTo(List<Map<String, Double>> epochs) {
    for (int i = 0; i < epochs.size(); i++) {
      double v = judged(epochs.get(i));
      if (higherIsBetter() ? v >= value : v <= value) return OptionalInt.of(i + 1);
    }
    return OptionalInt.empty();
  }

  /** The number an epoch record is judged on: its validation metric when it has one, else the training one; NaN for none. */
  double judged(Map<String, Double> epoch) {
    Double v = epoch.containsKey("val_" + metric) ? epoch.get("val_" + metric) : epoch.get(metric);
    return v == null ? Double.NaN : v;
  }

  @Override
  public String toString() {
    return metric + (higherIsBetter() ? " >= " : " <= ") + Axis.text(JsonNodeFactory.instance.numberNode(value));
  }
}
