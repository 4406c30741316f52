package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.run.files.JsonLines;
import org.deepgrad.run.files.MetricsLog;

/**
 * What a finished training run left in its directory, read back: the epoch records and the end
 * record of {@code metrics.jsonl} (the last record of each epoch, as a resumed run appends), the
 * first layer's gradient ratio and the finding kinds of {@code diagnostics.json}, and the test
 * metrics of {@code model.json}. A cell's result is read from these files, the ones any
 * {@code deepgrad train} run writes, rather than from inside the run.
 *
 * @param epochs the metrics of each epoch by name (loss, accuracy, val_loss, ...), in order
 * @param stopReason the trainer's stop reason, or null when the run did not end
 * @param test the test metrics by name (test_loss, test_accuracy, test_mse, test_r2); empty when no model was saved
 * @param gradRatio the first layer's {@code grad_ratio_to_last}: rms(∂loss/∂W) of the first Linear over
 *     the last one's, median over the last sampled steps; NaN when not measured
 * @param findings the kinds of the diagnostics' findings, most severe first
 */
public record RunFiles(List<Map<String, Double>> epochs, String stopReason, long steps, Map<String, Double> test,
    double gradRatio, List<String> findings) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static RunFiles read(Path dir) throws IOException {
    TreeMap<Integer, Map<String, Double>> epochs = new TreeMap<>();
    String reason = null;
    long steps = 0;
    for (JsonNode r : records(dir)) {
      String event = r.path("event").asText();
      if (event.equals("epoch")) epochs.put(r.path("epoch").asInt(), numbers(r, List.of("epoch", "step")));
      if (event.equals("end")) {
        reason = r.path("reason").asText();
        steps = r.path("steps").asLong();
      }
    }
    double ratio = Double.NaN;
    List<String> findings = new ArrayList<>();
    JsonNode d = readJson(dir.resolve("diagnostics.json"));
    if (d != null) {
      JsonNode first = d.path("layers").path(0).path("grad_ratio_to_last");
      if (first.isNumber()) ratio = first.doubleValue();
      for (JsonNode f : d.path("findings")) if (!findings.contains(f.path("kind").asText())) findings.add(f.path("kind").asText());
    }
    Map<String, Double> test = new LinkedHashMap<>();
    JsonNode card = readJson(dir.resolve(ModelFiles.CARD));
    if (card != null) {
      card.path("info").fields().forEachRemaining(e -> {
        if (e.getKey().startsWith("test_")) test.put(e.getKey(), Double.parseDouble(e.getValue().asText()));
      });
    }
    return new RunFiles(new ArrayList<>(epochs.values()), reason, steps, test, ratio, findings);
  }

  /**
   * The training loss of the run in {@code dir} per logged interval (the mean since the previous step
   * record of {@code metrics.jsonl}) against epochs, step / the steps of the first epoch, so that cells
   * of different batch sizes share an axis: {x, y} arrays; null before the first epoch ended.
   */
  static double[][] lossCurve(Path dir) throws IOException {
    TreeMap<Long, Double> loss = new TreeMap<>();
    long perEpoch = 0;
    for (JsonNode r : records(dir)) {
      String event = r.path("event").asText();
      if (event.equals("step") && r.path("loss").isNumber()) loss.put(r.path("step").asLong(), r.path("loss").asDouble());
      if (event.equals("epoch") && r.path("epoch").asInt() == 1) perEpoch = r.path("step").asLong();
    }
    if (perEpoch <= 0) return null;
    double[][] xy = new double[2][loss.size()];
    int i = 0;
    for (Map.Entry<Long, Double> e : loss.entrySet()) {
      xy[0][i] = e.getKey() / (double) perEpoch;
      xy[1][i++] = e.getValue();
    }
    return xy;
  }

  /** The records of {@code dir}'s metrics.jsonl that parse, in order; none when it is missing. */
  private static List<JsonNode> records(Path dir) throws IOException {
    Path metrics = dir.resolve(MetricsLog.FILE);
    return Files.exists(metrics) ? JsonLines.read(metrics) : List.of();
  }

  /** The numeric fields of {@code r} but {@code skip}; null fields (non-finite values) as NaN. */
  private static Map<String, Double> numbers(JsonNode r, List<String> skip) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (skip.contains(e.getKey())) continue;
      if (e.getValue().isNumber()) m.put(e.getKey(), e.getValue().doubleValue());
      else if (e.getValue().isNull()) m.put(e.getKey(), Double.NaN);
    }
    return m;
  }

  private static JsonNode readJson(Path file) throws IOException {
    return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
  }
}
