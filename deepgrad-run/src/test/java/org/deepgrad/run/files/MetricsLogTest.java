package org.deepgrad.run.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {
  @TempDir
  Path dir;

  private List<JsonNode> records() throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(MetricsLog.FILE))) records.add(new ObjectMapper().readTree(line));
    return records;
  }

  @Test
  void writesOneJsonObjectPerLoggedStepAndEpoch() throws IOException {
    try (MetricsLog log = MetricsLog.open(dir, false, 2)) {
      log.onStep(1, 1, 3, 1.0, 0.5, 0.1, 10);
      log.onStep(1, 2, 3, 2.0, 1.0, 0.1, 30);
      assertEquals(1, records().size(), "each record is flushed as it is written");
      log.onStep(1, 3, 3, Double.NaN, Double.NaN, 0.1, 10);
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("loss", 1.5);
      metrics.put("val_accuracy", 0.75);
      log.onEpoch(1, metrics);
      log.onStep(2, 1, 3, 0.5, 1.0, 0.05, 10);
      log.note("resume", Map.of("step", 3));
    }
    List<JsonNode> r = records();
    assertEquals(4, r.size(), r::toString);
    JsonNode step = r.get(0);
    assertEquals("step", step.get("event").asText());
    assertEquals(2, step.get("step").asLong());
    assertEquals(1.75, step.get("loss").asDouble(), 1e-12, "sample-weighted over the window");
    assertEquals(0.875, step.get("accuracy").asDouble(), 1e-12);
    assertEquals(40, step.get("samples").asLong());
    assertTrue(step.get("time").asText().endsWith("Z"), step::toString);
    JsonNode epoch = r.get(1);
    assertEquals("epoch", epoch.get("event").asText());
    assertEquals(3, epoch.get("step").asLong());
    assertEquals(0.75, epoch.get("val_accuracy").asDouble());
    JsonNode second = r.get(2);
    assertEquals(4, second.get("step").asLong());
    assertEquals(1.0, second.get("accuracy").asDouble(), 1e-12, "batches without accuracy do not count in its mean");
    assertTrue(second.get("loss").isNull(), "a NaN loss makes the window's mean NaN, written as null");
    assertEquals("resume", r.get(3).get("event").asText());
  }

  @Test
  void nonFiniteValuesAreNull() throws IOException {
    try (MetricsLog log = MetricsLog.open(dir, false, 1)) {
      log.onStep(1, 1, 1, Double.POSITIVE_INFINITY, Double.NaN, 0.1, 4);
    }
    JsonNode step = records().get(0);
    assertTrue(step.get("loss").isNull(), step::toString);
    assertTrue(step.get("accuracy").isNull(), step::toString);
  }

  @Test
  void resumeAppendsAndAFreshRunTruncates() throws IOException {
    try (MetricsLog log = MetricsLog.open(dir, false, 1)) {
      log.onStep(1, 1, 5, 1, 1, 0.1, 1);
    }
    try (MetricsLog log = MetricsLog.open(dir, true, 1)) {
      log.onStep(1, 2, 5, 1, 1, 0.1, 1);
    }
    assertEquals(2, records().size());
    try (MetricsLog log = MetricsLog.open(dir, false, 1)) {
      log.onStep(1, 1, 5, 1, 1, 0.1, 1);
    }
    assertEquals(1, records().size());
  }
}
