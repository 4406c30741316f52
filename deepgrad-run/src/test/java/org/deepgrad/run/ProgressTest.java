package org.deepgrad.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private long now;
  private final StringWriter text = new StringWriter();

  private Progress progress(Progress.Mode mode) {
    return new Progress(new PrintWriter(text), mode, 2, 2, () -> now);
  }

  @Test
  void plainLinesEveryLogEveryStepsAndAtEachEpoch() {
    Progress p = progress(Progress.Mode.LINES);
    for (int batch = 1; batch <= 4; batch++) {
      now += 500_000_000L; // 2 batches per second
      p.onStep(1, batch, 4, 0.5, batch % 2, 0.01, 10);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", 0.5);
    metrics.put("val_accuracy", 0.9312);
    p.onEpoch(1, metrics);
    String[] lines = text.toString().split("\n");
    assertEquals(3, lines.length, text::toString);
    assertEquals("epoch 1/2  step 2  batch 2/4  lr 0.01000  2.0 batch/s  ETA 0:03  loss 0.5000  acc 50.00%", lines[0]);
    assertTrue(lines[1].contains("step 4  batch 4/4"), lines[1]);
    assertEquals("epoch 1/2  loss 0.5000  val_accuracy 93.12%  (2.0 s)", lines[2]);
    assertFalse(text.toString().contains("\r"));
  }

  @Test
  void barRedrawsInPlaceAtMostEveryHundredMilliseconds() {
    Progress p = progress(Progress.Mode.BAR);
    for (int batch = 1; batch <= 10; batch++) {
      now += 30_000_000L; // 30 ms per batch: most redraws are skipped
      p.onStep(1, batch, 10, 1.0, 0.25, 0.01, 10);
    }
    String out = text.toString();
    long draws = out.chars().filter(c -> c == '\r').count();
    assertEquals(4, draws, out); // batches 1, 5 and 9 (100 ms apart), and the last one
    assertTrue(out.endsWith("epoch 1/2 [####################] 10/10  33.3 batch/s  ETA 0:00  loss 1.0000  acc 25.00%"), out);
    assertFalse(out.contains("\n"), out);
    p.close();
    assertTrue(text.toString().endsWith("\n"), "close ends an unfinished bar");
  }

  @Test
  void durations() {
    assertEquals("0:07", Progress.duration(7.4));
    assertEquals("2:05", Progress.duration(125));
    assertEquals("1:00:01", Progress.duration(3601));
    assertEquals("?", Progress.duration(Double.POSITIVE_INFINITY));
  }
}
