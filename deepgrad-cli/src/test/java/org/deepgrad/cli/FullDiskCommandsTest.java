package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.deepgrad.run.files.Diagnosis;
import org.deepgrad.run.files.RunContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that fail for real in a child JVM, for the commands other than a training run's checkpoints
 * ({@link FullDiskTest}): over the file size limit ({@code ulimit -f}, EFBIG, no privileges needed)
 * and to a full device ({@code /dev/full}, ENOSPC). Each ends with exit code 2 and a message naming the
 * file, never an "I/O error" without a name; what was there before is unchanged, and a training run
 * that fails before its first step leaves no folder to block the same command again.
 */
class FullDiskCommandsTest {
  @TempDir Path dir;

  private record Child(int code, String log) {
    @Override
    public String toString() {
      return "exit " + code + "\n" + log;
    }
  }

  /**
   * {@code deepgrad ARGS} in a child JVM under {@code ulimit -f kib} (none: -1), its stdout sent on as
   * {@code stdout} says ({@code >/dev/full}, {@code | head -1}; null: with stderr), with the JVM's exit
   * code. The output comes back through a pipe, which the limit does not cover.
   */
  private Child deepgrad(int kib, String stdout, String... args) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    List<String> words = ChildJvm.deepgrad("512m");
    words.addAll(List.of(args));
    String command = String.join(" ", words.stream().map(FullDiskCommandsTest::q).toList());
    String script = (kib >= 0 ? "ulimit -f " + kib + " && " : "") + command + (stdout == null ? "" : " " + stdout)
        + "; exit ${PIPESTATUS[0]}";
    Process p = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true).start();
    CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
      try {
        return p.getInputStream().readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child did not end within 120 s");
    }
    return new Child(p.exitValue(), new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
  }

  private static void assertFailed(Child run, String... phrases) {
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    for (String s : phrases) assertTrue(run.log().contains(s), () -> "'" + s + "' missing:\n" + run);
    assertFalse(run.log().contains("\tat ") || run.log().contains("I/O error"), () -> "no name, or a stack trace:\n" + run);
  }

  @Test
  void predictionsBeyondTheFileSizeLimitLeaveTheOldFile() throws Exception {
    Path model = TrainedModels.get("spirals").dir();
    StringBuilder rows = new StringBuilder("x,y\n");
    for (int i = 0; i < 200; i++) rows.append(i * 0.01).append(',').append(-i * 0.01).append('\n');
    Path input = Files.writeString(dir.resolve("x.csv"), rows);
    Path output = Files.writeString(dir.resolve("p.csv"), "the old predictions\n");
    Map<String, byte[]> before = Folders.snapshot(dir);
    Child run = deepgrad(1, null, "predict", "--model", model.toAbsolutePath().toString(), "--input", input.toString(),
        "--output", output.toString());
    assertFailed(run, "deepgrad predict: cannot write the predictions " + output + " (File too large)",
        "the file is unchanged");
    Folders.assertUnchanged(before, dir, run); // the old file, and no temporary file left
  }

  @Test
  void aDiagnosisBeyondTheFileSizeLimitIsNamed() throws Exception {
    Path out = dir.resolve("probe");
    Child run = deepgrad(0, null, "diagnose", "--dataset", "spirals", "--hidden", "8", "--steps", "5", "--every", "1",
        "--out", out.toString());
    assertFailed(run, "deepgrad diagnose: cannot write " + out.resolve(Diagnosis.FILE) + " (File too large)",
        "Free space on that disk");
  }

  @Test
  void aRepairBeyondTheFileSizeLimitIsNamedAndLeavesNoFolder() throws Exception {
    Path out = dir.resolve("repair");
    Child run = deepgrad(0, null, "repair", "--dataset", "spirals", "--hidden", "8", "--budget", "10", "--out",
        out.toString());
    assertFailed(run, "deepgrad repair: cannot write " + out + "/", " (File too large)", "Free space on that disk");
    assertFalse(Files.exists(out), "the folder it created is gone, so the same command can run again");
  }

  @Test
  void aFullStandardOutputIsAnError() throws Exception {
    Path model = TrainedModels.get("spirals").dir();
    Child run = deepgrad(-1, ">/dev/full", "evaluate", "--model", model.toAbsolutePath().toString());
    assertFailed(run, "deepgrad: standard output could not be written (No space left on device)", "incomplete");
  }

  @Test
  void aReaderThatStopsEarlyIsNoError() throws Exception {
    Path model = TrainedModels.get("spirals").dir();
    StringBuilder rows = new StringBuilder("x,y\n");
    for (int i = 0; i < 20_000; i++) rows.append(i * 1e-4).append(',').append(-i * 1e-4).append('\n');
    Path input = Files.writeString(dir.resolve("many.csv"), rows); // 20,000 predictions: more than a pipe holds
    Child run = deepgrad(-1, "| head -1", "predict", "--model", model.toAbsolutePath().toString(), "--input",
        input.toString());
    assertEquals(Failures.OK, run.code(), run::toString);
    assertEquals("row,prediction\n", run.log(), "the first line, and nothing said about the closed pipe");
  }

  @Test
  void aRunThatFailsBeforeItsFirstStepLeavesNoFolder() throws Exception {
    Path out = dir.resolve("run");
    String[] args = {"train", "--dataset", "spirals", "--hidden", "8", "--epochs", "1", "--no-progress", "--out",
        out.toString()};
    Child run = deepgrad(0, null, args);
    assertFailed(run, "deepgrad train: cannot write " + out.resolve(RunContents.CONFIG_FILE) + " (File too large)");
    assertFalse(Files.exists(out), "the folder the run created is gone");
    Cli.Run again = Cli.run(args);
    assertEquals(Failures.OK, again.code(), again::toString);
  }

  private static String q(Object s) {
    return "'" + s.toString().replace("'", "'\\''") + "'";
  }
}
