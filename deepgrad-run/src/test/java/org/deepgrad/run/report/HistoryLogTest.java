package org.deepgrad.run.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.deepgrad.run.TinyRuns;
import org.deepgrad.run.config.Interval;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.HistoryJson;
import org.deepgrad.run.files.HistoryLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diagnostics.jsonl: one line per sampled step, read back as recorded, and a resumed run neither loses nor repeats one. */
class HistoryLogTest {
  @TempDir
  Path dir;

  @Test
  void aResumedRunKeepsEverySampleOnce() throws IOException {
    UnaryOperator<TrainConfig> often = c -> c.withOutput(o -> o.withCheckpointEvery(Interval.parse("10steps"))
        .withKeepCheckpoints(10));
    Path whole = dir.resolve("whole");
    TinyRuns.train(whole, often);
    List<String> expected = Files.readAllLines(whole.resolve(HistoryLog.FILE));
    assertEquals(1 + 8, expected.size(), "the header and steps 5, 10, ..., 40:\n" + expected);

    // The run as a crash after step 20 leaves it: checkpoints up to 20, every sample up to 40 (taken
    // after the last checkpoint), and a last line cut short.
    Path crashed = Files.createDirectories(dir.resolve("crashed").resolve("checkpoints"));
    Path run = crashed.getParent();
    for (String f : List.of("config.yaml", "metrics.jsonl", HistoryLog.FILE)) Files.copy(whole.resolve(f), run.resolve(f));
    try (Stream<Path> files = Files.list(whole.resolve("checkpoints"))) {
      for (Path f : files.toList()) {
        if (Long.parseLong(f.getFileName().toString().replaceAll("\\D", "")) <= 20) Files.copy(f, crashed.resolve(f.getFileName()));
      }
    }
    Files.writeString(run.resolve(HistoryLog.FILE), "{\"event\":\"sample\",\"step\":45,\"lo", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    TinyRuns.Result r = TinyRuns.train(run, c -> often.apply(c).withOutput(o -> o.withResume(true)));
    assertTrue(r.out().contains("resumed from " + crashed.resolve("ckpt-000000000020.safetensors")), r.out());
    assertEquals(expected, Files.readAllLines(run.resolve(HistoryLog.FILE)));
  }

  @Test
  void samplesReadBackAsRecorded() throws IOException {
    Path run = dir.resolve("run");
    TinyRuns.train(run);
    RunFiles files = RunFiles.load(run);
    assertEquals(5, files.every());
    assertEquals(List.of(5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L),
        files.sampled().stream().map(s -> s.step()).toList());
    assertEquals(3, files.layers().size(), "16, 16 and the output layer");
    var last = files.sampled().get(7).layers().get(0);
    assertTrue(last.weight().gradNorm() > 0 && last.activation().histogram().counts().length == 32, last::toString);
    // The header holds what the run applies and the inputs' statistics, so a report judges as the run did.
    assertEquals("adam", files.setup().optimizer());
    assertEquals(3, files.setup().inits().size());
    assertEquals(2, files.history().inputs().features(), "the spirals' x and y");
    assertEquals(0, files.history().inputs().nonFiniteFeatures());
    // Written again, every record is the same line: nothing is lost on the way through JSON.
    List<String> lines = Files.readAllLines(run.resolve(HistoryLog.FILE));
    assertEquals(lines.get(0), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
        HistoryJson.header(files.layers(), files.every(), files.setup(), files.history().inputs())));
    for (int i = 0; i < 8; i++) {
      assertEquals(lines.get(i + 1), new com.fasterxml.jackson.databind.ObjectMapper()
          .writeValueAsString(HistoryJson.sample(files.sampled().get(i))));
    }
  }
}
