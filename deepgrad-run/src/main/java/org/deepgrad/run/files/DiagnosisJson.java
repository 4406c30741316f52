package org.deepgrad.run.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.InputStats;
import org.deepgrad.diagnostics.Remedy;

/**
 * A {@link Diagnosis} as one JSON object (printed by {@code diagnose --json}, written to
 * {@code diagnostics.json}); non-finite numbers are {@code null}, as in metrics.jsonl:
 *
 * <pre>
 * {"run": {"steps", "stop_reason", "non_finite", "every", "samples", "window"},
 *  "inputs": {"samples", "features", "mean", "rms", "min", "max", "constant_features", "non_finite_features"} | null,
 *  "layers": [{"name", "activation", "fan_in", "fan_out", "grad_norm", "grad_ratio_to_last",
 *              "activation_std", "saturation", "dead_fraction", "update_ratio"}],
 *  "findings": [{"kind", "severity", "layers", "numbers": {label: value}, "explanation", "explained_by": [kind],
 *                "remedies": [{"kind", "layers", "parameters": {name: value}, "text", "reference"}]}]}
 * </pre>
 */
public final class DiagnosisJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiagnosisJson() {}

  /** The JSON text of {@code d}, indented, ending in a newline. */
  public static String text(Diagnosis d) {
    try {
      return MAPPER.writeValueAsString(tree(d)) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree failed to serialize", e);
    }
  }

  /** Writes {@link #text} as UTF-8. */
  public static void write(Diagnosis d, OutputStream s) throws IOException {
    s.write(text(d).getBytes(StandardCharsets.UTF_8));
  }

  public static ObjectNode tree(Diagnosis d) {
    ObjectNode root = F.objectNode();
    root.putObject("run").put("steps", d.result().steps()).put("stop_reason", d.result().stopReason().name())
        .put("non_finite", d.result().nonFinite().map(Object::toString).orElse(null)).put("every", d.every())
        .put("samples", d.samples()).put("window", d.window());
    if (d.inputs() == null) {
      root.putNull("inputs");
    } else {
      InputStats in = d.inputs();
      ObjectNode n = root.putObject("inputs").put("samples", in.rows()).put("features", in.features());
      number(n, "mean", in.overallMean());
      number(n, "rms", in.rms());
      number(n, "min", in.overallMin());
      number(n, "max", in.overallMax());
      n.put("constant_features", in.constantFeatures()).put("non_finite_features", in.nonFiniteFeatures());
    }
    ArrayNode layers = root.putArray("layers");
    for (LayerRow r : d.rows()) {
      ObjectNode n = layers.addObject().put("name", r.name()).put("activation", r.activation())
          .put("fan_in", r.fanIn()).put("fan_out", r.fanOut());
      number(n, "grad_norm", r.gradNorm());
      number(n, "grad_ratio_to_last", r.gradRatio());
      number(n, "activation_std", r.activationStd());
      number(n, "saturation", r.saturation());
      number(n, "dead_fraction", r.dead());
      number(n, "update_ratio", r.updateRatio());
    }
    root.set("findings", findings(d.findings()));
    return root;
  }

  /** The findings as the {@code findings} array of the JSON form (also read by the run report). */
  public static ArrayNode findings(List<Finding> list) {
    ArrayNode findings = F.arrayNode();
    for (Finding f : list) {
      ObjectNode n = findings.addObject().put("kind", f.kind().name())
          .put("severity", f.severity().name().toLowerCase(Locale.ROOT));
      f.layers().forEach(n.putArray("layers")::add);
      ObjectNode numbers = n.putObject("numbers");
      f.numbers().forEach((k, v) -> number(numbers, k, v));
      n.put("explanation", f.explanation());
      ArrayNode causes = n.putArray("explained_by");
      f.explainedBy().forEach(k -> causes.add(k.name()));
      ArrayNode remedies = n.putArray("remedies");
      for (Remedy r : f.remedies()) {
        ObjectNode rn = remedies.addObject().put("kind", r.kind().name());
        r.layers().forEach(rn.putArray("layers")::add);
        ObjectNode parameters = rn.putObject("parameters");
        r.parameters().forEach((k, v) -> number(parameters, k, v));
        rn.put("text", r.text()).put("reference", r.reference());
      }
    }
    return findings;
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) n.put(key, v);
    else n.putNull(key);
  }
}
