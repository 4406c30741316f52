package org.deepgrad.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MetricsFollower}: what replica 0 appends to metrics.jsonl is told, once, when its line is complete. */
class MetricsFollowerTest {
  @TempDir
  Path dir;

  @Test
  void theEpochsAndWarningsAppendedAfterItStartsAreToldOnceEach() throws Exception {
    Path file = dir.resolve("metrics.jsonl");
    Files.writeString(file, "{\"event\":\"epoch\",\"epoch\":1,\"step\":10,\"loss\":9.0}\n");
    List<String> told = new ArrayList<>();
    int[] first = {0};
    RunListener listener = new RunListener() {
      @Override
      public void onEpoch(int epoch, Map<String, Double> metrics) {
        told.add("epoch " + epoch + " " + metrics);
      }

      @Override
      public void warning(String message) {
        told.add("warning " + message);
      }
    };
    MetricsFollower f = new MetricsFollower(dir, listener, () -> first[0]++);
    f.poll();
    assertEquals(List.of(), told, "a resumed run's earlier records are not told again");
    append(file, "{\"event\":\"step\",\"epoch\":2,\"step\":15,\"loss\":0.5}\n{\"event\":\"epoch\",\"epoch\":2,\"step\":20,"
        + "\"time\":\"t\",\"loss\":0.4,\"val_accuracy\":null}\n{\"event\":\"warn");
    f.poll();
    assertEquals(List.of("epoch 2 {loss=0.4, val_accuracy=NaN}"), told);
    append(file, "ing\",\"message\":\"skipped a batch\"}\n");
    f.close();
    assertEquals(List.of("epoch 2 {loss=0.4, val_accuracy=NaN}", "warning skipped a batch"), told,
        "a line is told once it is complete");
    assertEquals(1, first[0], "the first record is noticed once");
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardOpenOption.APPEND);
  }
}
