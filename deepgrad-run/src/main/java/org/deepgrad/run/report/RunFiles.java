package org.deepgrad.run.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deepgrad.diagnostics.History;
import org.deepgrad.diagnostics.LayerInfo;
import org.deepgrad.diagnostics.Setup;
import org.deepgrad.diagnostics.StepStats;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.files.HistoryJson;
import org.deepgrad.run.files.HistoryLog;
import org.deepgrad.run.files.JsonLines;

/**
 * What a run directory holds, read back for its report: {@code config.yaml} (as text),
 * {@code metrics.jsonl} (step and epoch records; a resumed run appends, so the last record of each
 * step or epoch wins), {@code model.json}'s {@code info} (the test metrics), {@code diagnostics.json}
 * (the findings and the per-layer table) and {@code diagnostics.jsonl} (every sampled step). Every
 * file but metrics.jsonl may be missing (a run stopped by a NaN saves no model; one trained with
 * --no-diagnose has no diagnostics); a line that does not parse (cut short by a crash) is skipped.
 *
 * @param dir the run directory
 * @param config the resolved configuration as YAML text; empty when missing
 * @param steps the step records by step
 * @param epochs the epoch records by epoch
 * @param end the last {@code end} record (stop reason, steps, epochs); null when the run did not end
 * @param info model.json's info (dataset, seed, test_loss, test_accuracy, ...); empty without a model
 * @param diagnosis diagnostics.json; null when missing
 * @param history the sampled steps of diagnostics.jsonl; null when missing
 * @param every the sampling period in the header of diagnostics.jsonl (0 without it)
 * @param setup what the run applies, from that header ({@link Setup#UNKNOWN} without it)
 */
record RunFiles(Path dir, String config, List<JsonNode> steps, List<JsonNode> epochs, JsonNode end,
    Map<String, String> info, JsonNode diagnosis, History history, int every, Setup setup) {
  static final String METRICS = "metrics.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code dir}; one without metrics.jsonl is not a run directory (bad input). */
  static RunFiles load(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(METRICS))) {
      throw new RunException(dir + " is not a run directory: " + (Files.isDirectory(dir) ? "it has no " + METRICS
          : "no such directory") + ". Give the directory a 'deepgrad train' run wrote (its --out, by default "
          + "runs/YYYYMMDD-HHMMSS), or the directory of a 'deepgrad sweep' (its --out, with sweep.json).");
    }
    Map<Long, JsonNode> steps = new TreeMap<>();
    Map<Long, JsonNode> epochs = new TreeMap<>();
    JsonNode end = null;
    for (JsonNode r : JsonLines.read(dir.resolve(METRICS))) {
      switch (r.path("event").asText()) {
        case "step" -> steps.put(r.path("step").asLong(), r);
        case "epoch" -> epochs.put(r.path("epoch").asLong(), r);
        case "end" -> end = r;
        default -> { } // checkpoints, warnings, notes
      }
    }
    Path config = dir.resolve("config.yaml");
    Map<String, String> info = new LinkedHashMap<>();
    JsonNode model = tree(dir.resolve("model.json"));
    if (model != null) model.path("info").fields().forEachRemaining(e -> info.put(e.getKey(), e.getValue().asText()));
    List<JsonNode> samples = Files.exists(dir.resolve(HistoryLog.FILE)) ? JsonLines.read(dir.resolve(HistoryLog.FILE)) : List.of();
    History history = null;
    int every = 0;
    Setup setup = Setup.UNKNOWN;
    if (!samples.isEmpty() && "layers".equals(samples.get(0).path("event").asText())) {
      JsonNode header = samples.get(0);
      List<LayerInfo> layers = HistoryJson.layers(header);
      every = header.path("every").asInt();
      List<StepStats> recorded = new ArrayList<>();
      for (JsonNode s : samples.subList(1, samples.size())) recorded.add(HistoryJson.step(s));
      history = new History(layers, HistoryJson.inputs(header), recorded);
      Setup told = HistoryJson.setup(header);
      if (told.inits().isEmpty() || told.inits().size() == layers.size()) setup = told;
    }
    return new RunFiles(dir, Files.exists(config) ? Files.readString(config, StandardCharsets.UTF_8) : "",
        List.copyOf(steps.values()), List.copyOf(epochs.values()), end, info, tree(dir.resolve("diagnostics.json")),
        history, every, setup);
  }

  private static JsonNode tree(Path file) throws IOException {
    if (!Files.exists(file)) return null;
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException damaged) {
      return null;
    }
  }

  /** The sampled steps (those with per-layer statistics); empty without diagnostics. */
  List<StepStats> sampled() {
    return history == null ? List.of() : history.sampled();
  }

  /** The layers of the diagnostics; empty without them. */
  List<LayerInfo> layers() {
    return history == null ? List.of() : history.layers();
  }
}
