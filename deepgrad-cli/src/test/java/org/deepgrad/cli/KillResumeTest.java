package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.deepgrad.io.Safetensors;
import org.deepgrad.run.files.MetricsLog;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's kill test: {@code deepgrad train} in a separate JVM is killed with SIGKILL at points
 * spread over the run (one as soon as the run directory exists, usually before any checkpoint; one
 * run twice), resumed with {@code --resume} to the end, and must save the same weights, bit for bit,
 * and the same epoch records as a run never stopped. The kills wait for checkpoint files, so they
 * land at the drawn steps whatever the machine's speed. One killed run also gets a torn last line in
 * metrics.jsonl, as a crash mid-write leaves it, which the resumed run must drop.
 */
class KillResumeTest {
  private static final List<String> FLAGS = List.of("--hidden", "32", "--batch-norm", "--dropout", "0.2",
      "--optimizer", "adam", "--max-steps", "300", "--checkpoint-every", "10steps", "--log-every", "10",
      "--no-progress", "--threads", "1");
  /** Java's exit value of a process killed by signal 9 (Linux, macOS). */
  private static final int KILLED = 128 + 9;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private int launches;

  @Test
  void runsKilledAnywhereResumeToTheSameWeights() throws Exception {
    Path reference = dir.resolve("reference");
    String summary = testSummary(finish(reference, false));
    Map<String, Tensor> expected = Safetensors.read(reference.resolve("model.safetensors")).tensors();
    Map<Long, JsonNode> expectedEpochs = epochs(reference);
    assertEquals(2, expectedEpochs.size(), "300 steps of 125 per epoch end two epochs: " + expectedEpochs);

    Random random = new Random(20240611);
    List<long[]> plans = new ArrayList<>();
    plans.add(new long[] {0}); // as soon as the run directory exists: before the first checkpoint
    for (int i = 0; i < 4; i++) plans.add(new long[] {10 + 60L * i + random.nextInt(60)}); // steps 10 to 249
    plans.add(new long[] {40 + random.nextInt(60), 150 + random.nextInt(100)}); // killed, resumed, killed again
    for (int k = 0; k < plans.size(); k++) {
      long[] plan = plans.get(k);
      Path out = dir.resolve("killed-" + k);
      long newest = -1;
      for (int i = 0; i < plan.length; i++) {
        kill(start(out, i > 0), out, plan[i], random.nextInt(30));
        newest = newestCheckpoint(out);
        assertTrue(plan[i] == 0 || newest >= plan[i], "killed before the checkpoint it waited for");
      }
      if (k == 2) tearLastLine(out);
      String log = finish(out, true);
      String place = "run " + out.getFileName() + " killed after steps " + Arrays.toString(plan);
      String from = newest < 0 ? "starting the run from the beginning"
          : "resumed from " + out.resolve(RunContents.CHECKPOINTS).resolve(CheckpointStore.fileName(newest));
      assertTrue(log.contains(from), () -> place + ": '" + from + "' missing:\n" + log);
      assertEquals(summary, testSummary(log), place);
      assertSameWeights(expected, Safetensors.read(out.resolve("model.safetensors")).tensors(), place);
      assertEquals(expectedEpochs, epochs(out), place + ": the epoch records of metrics.jsonl");
    }
  }

  private Process start(Path out, boolean resume) throws IOException {
    List<String> command = ChildJvm.deepgrad("1g", "train");
    command.addAll(FLAGS);
    command.addAll(List.of("--out", out.toString()));
    if (resume) command.add("--resume");
    Path log = Files.createDirectories(dir.resolve("logs")).resolve(++launches + ".log");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private String lastLog() throws IOException {
    return Files.readString(dir.resolve("logs").resolve(launches + ".log"));
  }

  /** Runs to the end (a fresh run, or {@code --resume}) and returns what it printed. */
  private String finish(Path out, boolean resume) throws Exception {
    Process p = start(out, resume);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("train did not end within 120 s:\n" + lastLog());
    }
    String log = lastLog();
    assertEquals(0, p.exitValue(), log);
    return log;
  }

  /**
   * Waits until a checkpoint of step {@code step} or later exists ({@code step} 0: until the run has
   * written its config, before training), then {@code delayMs} more, then sends SIGKILL.
   */
  private void kill(Process p, Path out, long step, int delayMs) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    try {
      while (step == 0 ? !Files.exists(out.resolve(RunContents.CONFIG_FILE)) : newestCheckpoint(out) < step) {
        if (!p.isAlive()) fail("the run ended before step " + step + ":\n" + lastLog());
        if (System.nanoTime() > deadline) fail("no checkpoint of step " + step + " within 120 s:\n" + lastLog());
        Thread.sleep(1);
      }
      if (step > 0) Thread.sleep(delayMs);
    } finally {
      p.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no finally blocks
    }
    assertEquals(KILLED, p.waitFor(), () -> "not killed by SIGKILL at step " + step + " (it ended first?)");
    assertFalse(Files.exists(out.resolve("model.safetensors")), "a killed run saved a model");
    List<String> lines = lines(out);
    for (int i = 0; i < lines.size() - 1; i++) JSON.readTree(lines.get(i)); // only the last line may be torn
  }

  /** A crash in the middle of a write can leave a partial record; the resumed run must not glue onto it. */
  private static void tearLastLine(Path out) throws IOException {
    Files.writeString(out.resolve(MetricsLog.FILE), "{\"event\":\"step\",\"epoch\":1,\"st",
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static long newestCheckpoint(Path out) throws IOException {
    List<Path> files = new CheckpointStore(out.resolve(RunContents.CHECKPOINTS), 1).list();
    if (files.isEmpty()) return -1;
    String name = files.get(files.size() - 1).getFileName().toString();
    return Long.parseLong(name.replaceAll("\\D", ""));
  }

  private static void assertSameWeights(Map<String, Tensor> expected, Map<String, Tensor> actual, String place) {
    assertEquals(expected.keySet(), actual.keySet(), place);
    expected.forEach((name, t) -> {
      assertEquals(t.shape(), actual.get(name).shape(), place + ": " + name);
      assertTrue(Arrays.equals(t.data(), actual.get(name).data()), place + ": " + name + " differs from the reference");
    });
  }

  /** The test accuracy line's numbers: {@code test accuracy: 89.35% (loss 0.5774)}. */
  private static String testSummary(String log) {
    return log.lines().filter(l -> l.startsWith("test accuracy: ")).map(l -> l.substring(0, l.indexOf(')') + 1))
        .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no test accuracy line:\n" + log));
  }

  private static List<String> lines(Path out) throws IOException {
    Path file = out.resolve(MetricsLog.FILE);
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /**
   * Every line of metrics.jsonl must be a JSON object, with exactly one end record; returns the last
   * epoch record of each epoch without its time (a resumed run repeats the epochs after its checkpoint).
   */
  private static Map<Long, JsonNode> epochs(Path out) throws IOException {
    Map<Long, JsonNode> epochs = new LinkedHashMap<>();
    int ends = 0;
    for (String line : lines(out)) {
      JsonNode r;
      try {
        r = JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError(out.resolve(MetricsLog.FILE) + " has a line that is not JSON: " + line, e);
      }
      assertTrue(r.isObject(), line);
      if (r.get("event").asText().equals("end")) ends++;
      if (r.get("event").asText().equals("epoch")) epochs.put(r.get("epoch").asLong(), ((ObjectNode) r).without("time"));
    }
    assertEquals(1, ends, "end records in " + out);
    return epochs;
  }
}
