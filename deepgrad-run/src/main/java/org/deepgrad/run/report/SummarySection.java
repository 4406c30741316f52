package org.deepgrad.run.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's summary on the page: how it ended (stop reason, steps, epochs), the data set and seed,
 * the last epoch's training and validation metrics, the saved model's test metrics, and the resolved
 * configuration (config.yaml) folded away. Accuracies are percentages with two decimals, as the
 * command line prints them (96.60%).
 */
final class SummarySection {
  private SummarySection() {}

  static void add(ReportPage page, RunFiles run) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("run directory", run.dir().toString()));
    JsonNode end = run.end();
    if (end != null) {
      rows.add(List.of("stopped", end.path("reason").asText() + " after " + end.path("steps").asText() + " steps, "
          + end.path("epochs").asText() + " epochs"));
    } else {
      rows.add(List.of("stopped", "no end record in metrics.jsonl: the run is going on, or was killed"));
    }
    Map<String, String> info = run.info();
    for (String k : List.of("dataset", "seed")) if (info.containsKey(k)) rows.add(List.of(k, info.get(k)));
    if (!run.epochs().isEmpty()) {
      JsonNode last = run.epochs().get(run.epochs().size() - 1);
      last.fields().forEachRemaining(e -> {
        if (e.getValue().isNumber() && !List.of("epoch", "step").contains(e.getKey())) {
          rows.add(List.of("epoch " + last.path("epoch").asText() + " " + e.getKey(),
              isAccuracy(e.getKey()) ? percent(e.getValue().asDouble()) : FindingsSection.number(e.getValue())));
        }
      });
    }
    info.forEach((k, v) -> {
      if (k.startsWith("test_")) rows.add(List.of(k.replace('_', ' ') + " (saved model)", format(k, v)));
    });
    if (info.isEmpty()) rows.add(List.of("model", "none saved (the run stopped on a non-finite value, or has not ended)"));
    page.table(List.of("what", "value"), rows);
    if (!run.config().isEmpty()) {
      page.html("<details><summary>configuration (config.yaml)</summary><pre>" + ReportPage.escape(run.config())
          + "</pre></details>");
    }
  }

  private static String format(String key, String number) {
    try {
      double v = Double.parseDouble(number);
      return isAccuracy(key) ? percent(v) : String.format(Locale.ROOT, "%.4g", v);
    } catch (NumberFormatException e) {
      return number;
    }
  }

  private static boolean isAccuracy(String key) {
    return key.equals("accuracy") || key.endsWith("_accuracy");
  }

  /** {@code 0.9660} as {@code 96.60%}. */
  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }
}
