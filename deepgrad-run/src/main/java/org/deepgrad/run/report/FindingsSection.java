package org.deepgrad.run.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The findings and the per-layer table of a run's diagnosis on the page: each finding's kind and
 * severity, the layers it names, its explanation, its numbers and its remedies with their references,
 * in the JSON form of diagnostics.json ({@link org.deepgrad.run.files.DiagnosisJson}).
 */
final class FindingsSection {
  private FindingsSection() {}

  /** Adds the findings {@code findings} (a JSON array) to {@code page}. */
  static void findings(ReportPage page, JsonNode findings) {
    if (findings.isEmpty()) {
      page.text("No finding: every rule of docs/diagnostics.md passed on the sampled steps.");
      return;
    }
    for (JsonNode f : findings) {
      String severity = f.path("severity").asText();
      StringBuilder h = new StringBuilder("<h3 class=\"").append(ReportPage.escape(severity)).append("\">")
          .append(ReportPage.escape(f.path("kind").asText())).append(" (").append(ReportPage.escape(severity))
          .append(")");
      List<String> layers = new ArrayList<>();
      f.path("layers").forEach(l -> layers.add(l.asText()));
      if (!layers.isEmpty()) {
        h.append(" in layer").append(layers.size() > 1 ? "s " : " ").append(ReportPage.escape(String.join(", ", layers)));
      }
      page.html(h.append("</h3>").toString()).text(f.path("explanation").asText());
      List<List<String>> numbers = new ArrayList<>();
      f.path("numbers").fields().forEachRemaining(e -> numbers.add(List.of(e.getKey(), number(e.getValue()))));
      if (!numbers.isEmpty()) page.table(List.of("measure", "value"), numbers);
      StringBuilder remedies = new StringBuilder("<ul>");
      for (JsonNode r : f.path("remedies")) {
        remedies.append("<li>").append(ReportPage.escape(r.path("text").asText())).append(" <em>(")
            .append(ReportPage.escape(r.path("reference").asText())).append(")</em></li>");
      }
      if (!f.path("remedies").isEmpty()) page.html(remedies.append("</ul>").toString());
    }
  }

  /** The per-layer table of diagnostics.json ({@code layers}: medians over the last sampled steps). */
  static void layers(ReportPage page, JsonNode diagnosis) {
    JsonNode layers = diagnosis.path("layers");
    if (layers.isEmpty()) return;
    List<List<String>> rows = new ArrayList<>();
    int depth = 1;
    for (JsonNode l : layers) {
      rows.add(List.of("L" + depth++, l.path("name").asText(), l.path("activation").asText(),
          l.path("fan_in").asText() + "->" + l.path("fan_out").asText(), number(l.get("grad_norm")),
          number(l.get("grad_ratio_to_last")), number(l.get("activation_std")), percent(l.get("saturation")),
          percent(l.get("dead_fraction")), number(l.get("update_ratio"))));
    }
    page.text("Per layer, the median over the last " + diagnosis.at("/run/window").asInt() + " finite sampled steps "
        + "(of " + diagnosis.at("/run/samples").asInt() + ", one every " + diagnosis.at("/run/every").asInt()
        + " steps):");
    page.table(List.of("depth", "layer", "activation", "in->out", "grad norm", "grad/last", "act std", "saturated",
        "dead", "update ratio"), rows);
  }

  /** Three significant digits; "-" for null (not measured, not applicable, or not finite). */
  static String number(JsonNode v) {
    if (v == null || !v.isNumber()) return "-";
    double d = v.asDouble();
    if (d == Math.rint(d) && Math.abs(d) < 1e6) return String.valueOf((long) d);
    return String.format(Locale.ROOT, "%.3g", d);
  }

  private static String percent(JsonNode v) {
    return v == null || !v.isNumber() ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v.asDouble());
  }
}
