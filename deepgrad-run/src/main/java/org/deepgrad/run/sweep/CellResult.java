package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.run.config.RunException;

/**
 * The outcome of one cell, {@code OUT/cells/ID/result.json}, written atomically when the cell ends;
 * the results tables are rebuilt from these files. A cell with a result other than
 * {@link #ERROR} counts as finished and is skipped on a rerun; one that failed runs again.
 *
 * @param status {@link #OK}, {@link #NAN} (training stopped on a NaN or infinite value: a result),
 *     {@link #STOPPED} (early stopping) or {@link #ERROR} (an exception: the message says which)
 * @param message the error or the non-finite value, else empty
 * @param seconds wall-clock seconds of the last session that ran the cell
 * @param run what the run directory holds ({@link RunFiles})
 * @param hash the {@link Cell#hash} of the configuration that was run
 */
public record CellResult(String id, Map<String, String> values, String status, String message, double seconds, RunFiles run,
    String hash) {
  public static final String FILE = "result.json";
  static final String OK = "ok";
  static final String NAN = "nan";
  static final String STOPPED = "stopped";
  static final String ERROR = "error";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The result of {@code cell}, whose run ended with {@code error} (null: none) after {@code seconds}. */
  static CellResult of(Cell cell, Throwable error, double seconds) throws IOException {
    RunFiles run = RunFiles.read(cell.dir());
    String status = "NON_FINITE".equals(run.stopReason()) ? NAN : error != null ? ERROR
        : "EARLY_STOPPING".equals(run.stopReason()) ? STOPPED : OK;
    return new CellResult(cell.id(), cell.values(), status, describe(error), seconds, run, cell.hash());
  }

  /** One line for {@code error}: the message of bad input (which names the fix), else the class and message. */
  static String describe(Throwable error) {
    if (error == null) return "";
    String m = error.getMessage() == null ? "" : error.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
    boolean badInput = error instanceof RunException || error instanceof IllegalArgumentException;
    return badInput && !m.isEmpty() ? m : error.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
  }

  /** Whether the cell need not run again: any status but error (a cell that diverged is a result). */
  public boolean finished() {
    return !status.equals(ERROR);
  }

  /** The last epoch's value of {@code metric} (e.g. loss, val_accuracy), NaN when absent. */
  double last(String metric) {
    List<Map<String, Double>> e = run.epochs();
    return e.isEmpty() ? Double.NaN : e.get(e.size() - 1).getOrDefault(metric, Double.NaN);
  }

  void write(Path dir) throws IOException {
    ObjectNode n = JSON.createObjectNode().put("id", id).put("status", status).put("message", message)
        .put("hash", hash).put("seconds", seconds).put("stop_reason", run.stopReason()).put("steps", run.steps());
    values.forEach(n.putObject("axes")::put);
    ArrayNode epochs = n.putArray("epochs");
    run.epochs().forEach(m -> numbers(epochs.addObject(), m));
    numbers(n.putObject("test"), run.test());
    n.put("grad_ratio_first_last", Double.isFinite(run.gradRatio()) ? run.gradRatio() : null);
    run.findings().forEach(n.putArray("findings")::add);
    byte[] text = (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(FILE), s -> s.write(text));
  }

  /** The result in {@code dir}, or null when there is none or it cannot be read (then the cell runs again). */
  public static CellResult read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) return null;
    try {
      JsonNode n = JSON.readTree(file.toFile());
      Map<String, String> values = new LinkedHashMap<>();
      n.path("axes").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
      List<Map<String, Double>> epochs = new ArrayList<>();
      n.path("epochs").forEach(e -> epochs.add(numbers(e)));
      List<String> findings = new ArrayList<>();
      n.path("findings").forEach(f -> findings.add(f.asText()));
      JsonNode ratio = n.path("grad_ratio_first_last");
      RunFiles run = new RunFiles(epochs, n.path("stop_reason").isNull() ? null : n.path("stop_reason").asText(null),
          n.path("steps").asLong(), numbers(n.path("test")), ratio.isNumber() ? ratio.doubleValue() : Double.NaN, findings);
      return new CellResult(n.path("id").asText(), values, n.path("status").asText(ERROR), n.path("message").asText(""),
          n.path("seconds").asDouble(Double.NaN), run, n.path("hash").asText(""));
    } catch (IOException e) {
      return null;
    }
  }

  private static void numbers(ObjectNode out, Map<String, Double> m) {
    m.forEach((k, v) -> {
      if (Double.isFinite(v)) out.put(k, v);
      else out.putNull(k);
    });
  }

  private static Map<String, Double> numbers(JsonNode n) {
    Map<String, Double> m = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isNumber() ? e.getValue().doubleValue() : Double.NaN));
    return m;
  }
}
