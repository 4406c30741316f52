package org.deepgrad.run.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Synthetic;
import org.deepgrad.train.StepEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trainer's step events as metrics.jsonl's step records, in a single run and for replica 0 of several. */
class MetricsRecorderTest {
  @TempDir
  Path dir;

  @Test
  void aStepRecordCountsTheSamplesOfEveryReplica() throws IOException {
    DataLoader<?> loader = DataLoader.miniBatch(Synthetic.spirals(40, 0.05, 1), 10, 1);
    try (MetricsRecorder r = MetricsRecorder.open(dir, false, 2, loader, 3)) {
      loader.next();
      r.onStep(new StepEvent(0, 1, 1.0, OptionalDouble.of(0.5), 0.1, 10, 1));
      loader.next();
      r.onStep(new StepEvent(0, 2, 3.0, OptionalDouble.of(0.7), 0.1, 10, 1));
    }
    List<JsonNode> records = JsonLines.read(dir.resolve(MetricsLog.FILE));
    assertEquals(1, records.size(), records::toString);
    JsonNode step = records.get(0);
    assertEquals(2, step.path("step").asLong());
    assertEquals(2, step.path("batch").asInt());
    assertEquals(60, step.path("samples").asLong(), "2 steps of 10 rows on each of 3 replicas");
    assertEquals(2.0, step.path("loss").asDouble(), 1e-12);
    assertTrue(Math.abs(step.path("accuracy").asDouble() - 0.6) < 1e-12, step::toString);
  }
}
