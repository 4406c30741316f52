package org.deepgrad.run.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run appends to metrics.jsonl after dropping a last line that a killed run left unfinished. */
class MetricsLogAppendTest {
  @TempDir
  Path dir;

  private String appendTo(String before) throws IOException {
    Files.writeString(dir.resolve(MetricsLog.FILE), before);
    try (MetricsLog log = MetricsLog.open(dir, true, 1)) {
      log.note("resume", Map.of("step", 7));
    }
    String after = Files.readString(dir.resolve(MetricsLog.FILE));
    return after.replaceAll("\"time\":\"[^\"]*\"", "T");
  }

  @Test
  void keepsCompleteLines() throws IOException {
    assertEquals("{\"a\":1}\n{\"event\":\"resume\",\"step\":7,T}\n", appendTo("{\"a\":1}\n"));
    assertEquals("{\"event\":\"resume\",\"step\":7,T}\n", appendTo(""));
  }

  @Test
  void dropsATornLastLine() throws IOException {
    assertEquals("{\"a\":1}\n{\"event\":\"resume\",\"step\":7,T}\n", appendTo("{\"a\":1}\n{\"event\":\"st"));
    assertEquals("{\"event\":\"resume\",\"step\":7,T}\n", appendTo("{\"event\":\"st"));
  }

  @Test
  void findsTheLastNewlineBehindALongTornTail() throws IOException {
    String complete = "{\"a\":1}\n".repeat(2000);
    String torn = "{\"b\":\"" + "x".repeat(20_000);
    assertEquals(complete + "{\"event\":\"resume\",\"step\":7,T}\n", appendTo(complete + torn));
  }
}
