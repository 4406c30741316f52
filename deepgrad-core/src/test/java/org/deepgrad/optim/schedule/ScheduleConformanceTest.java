package org.deepgrad.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.deepgrad.testing.Conformance;
import org.junit.jupiter.api.Test;

/**
 * Replays the PyTorch schedule vectors ({@code schedules.json}, format in {@code conformance/README.md};
 * another file of the same format with {@code -Dconformance.schedules=PATH}): lrs[k] must equal
 * {@code schedule.lr(k, base_lr)} for every k.
 */
class ScheduleConformanceTest {

  @Test
  void everyCaseMatchesPyTorch() {
    List<String> summaries = new ArrayList<>();
    boolean failed = false;
    for (Path path : Conformance.files("schedules.json", "conformance.schedules")) {
      JsonNode file = Conformance.read(path);
      Conformance.Tolerance tolerance = Conformance.Tolerance.of(file);
      int passed = 0;
      List<String> failures = new ArrayList<>();
      JsonNode cases = file.path("cases");
      if (cases.isEmpty()) failures.add("the file has no cases");
      for (JsonNode c : cases) {
        String kind = c.has("schedule") ? c.get("schedule").asText() : c.path("name").asText();
        String label = c.path("name").asText(kind);
        try {
          Schedule schedule = build(kind, c.path("hyper"));
          double baseLr = c.get("base_lr").asDouble();
          JsonNode lrs = c.get("lrs");
          float[] got = new float[lrs.size()];
          for (int k = 0; k < got.length; k++) got[k] = (float) schedule.lr(k, baseLr);
          String mismatch = tolerance.mismatch(label + " lrs", got, lrs);
          if (mismatch == null) passed++;
          else failures.add(mismatch);
        } catch (RuntimeException e) {
          failures.add(label + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
      }
      summaries.add(Conformance.report("schedule", path, passed, failures));
      failures.forEach(f -> summaries.add("  " + f));
      failed |= !failures.isEmpty();
    }
    assertFalse(failed, String.join("\n", summaries));
  }

  /** The schedule a case names, from torch's hyper-parameter names, torch's defaults for the rest. */
  static Schedule build(String kind, JsonNode hyper) {
    switch (kind) {
      case "exponential":
        known(hyper, "gamma");
        return Schedule.exponential(required(hyper, "gamma").asDouble());
      case "step":
        known(hyper, "step_size", "gamma");
        return Schedule.step(required(hyper, "step_size").asLong(), hyper.path("gamma").asDouble(0.1));
      case "multistep":
        known(hyper, "milestones", "gamma");
        JsonNode ms = required(hyper, "milestones");
        long[] milestones = new long[ms.size()];
        for (int i = 0; i < milestones.length; i++) milestones[i] = ms.get(i).asLong();
        return Schedule.multistep(milestones, hyper.path("gamma").asDouble(0.1));
      case "cosine":
        known(hyper, "t_max", "eta_min");
        return Schedule.cosine(required(hyper, "t_max").asLong(), hyper.path("eta_min").asDouble(0));
      case "linear":
        known(hyper, "start_factor", "end_factor", "total_iters");
        return Schedule.linear(hyper.path("start_factor").asDouble(1.0 / 3), hyper.path("end_factor").asDouble(1),
            hyper.path("total_iters").asLong(5));
      default:
        throw new IllegalArgumentException("unknown schedule '" + kind + "'");
    }
  }

  private static JsonNode required(JsonNode hyper, String name) {
    if (!hyper.has(name)) throw new IllegalArgumentException("hyper-parameter '" + name + "' is missing");
    return hyper.get(name);
  }

  /** An unknown hyper-parameter would be silently ignored, giving a wrong schedule: fail instead. */
  private static void known(JsonNode hyper, String... names) {
    Set<String> allowed = Set.of(names);
    for (Iterator<String> it = hyper.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown hyper-parameter '" + name + "', expected " + allowed);
      }
    }
  }
}
