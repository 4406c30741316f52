package org.deepgrad.cli;

import static org.deepgrad.cli.Folders.assertRefused;
import static org.deepgrad.cli.Folders.assertUnchanged;
import static org.deepgrad.cli.Folders.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deepgrad.io.FolderLock;
import org.deepgrad.run.files.MetricsLog;
import org.deepgrad.run.files.RunContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder belongs to one process at a time ({@link FolderLock}): while a run holds it, in this
 * JVM or in another, a second {@code train --out}, a {@code --resume}, {@code report} and a
 * {@code predict --output} into it are refused with exit code 2 naming the folder and the holder,
 * and nothing in it changes; once the holder is killed, the run resumes.
 */
class RunLockTest {
  private static final List<String> RUN = List.of("--dataset", "spirals", "--hidden", "8", "--no-progress",
      "--no-diagnose");

  @TempDir Path dir;

  private static Cli.Run train(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("train"));
    args.addAll(RUN);
    args.addAll(List.of("--out", out.toString()));
    args.addAll(Arrays.asList(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Every command that writes into {@code out} is refused while {@code holder} holds it. */
  private static void assertAllRefused(Path out, String holder) throws IOException {
    Map<String, byte[]> before = snapshot(out);
    assertRefused(train(out, "--epochs", "1"), out + " is in use by " + holder, "one process at a time", "--out DIR");
    assertRefused(train(out, "--epochs", "1", "--resume"), "--resume: " + out + " is in use by " + holder,
        "then resume");
    assertRefused(train(out, "--epochs", "1", "--dry-run"), out + " is in use by " + holder);
    assertRefused(Cli.run("report", out.toString()), out + " is in use by " + holder, "deepgrad report");
    Path input = Files.writeString(out.getParent().resolve("x.csv"), "0.1,0.2\n");
    TrainedModels.Trained spirals = TrainedModels.get("spirals");
    assertRefused(Cli.run("predict", "--model", spirals.dir().toString(), "--input", input.toString(), "--output",
        out.resolve("predictions.csv").toString()), out + " is in use by " + holder, "deepgrad predict");
    assertUnchanged(before, out, "commands refused while the folder is held");
  }

  @Test
  void aFolderHeldInThisJvmRefusesEveryWriter() throws IOException {
    Path out = dir.resolve("run");
    Cli.Run first = train(out, "--epochs", "1");
    assertEquals(Failures.OK, first.code(), first::toString);
    try (FolderLock lock = FolderLock.acquire(out, "a test")) {
      assertAllRefused(out, "pid " + ProcessHandle.current().pid() + ": a test, since ");
    }
    Cli.Run report = Cli.run("report", out.toString());
    assertEquals(Failures.OK, report.code(), report::toString);
  }

  @Test
  void aRunInAnotherJvmHoldsItsFolderUntilItIsKilled() throws Exception {
    Path out = dir.resolve("running");
    List<String> command = ChildJvm.deepgrad("512m", "train");
    command.addAll(RUN);
    command.addAll(List.of("--epochs", "100000", "--checkpoint-every", "20steps", "--out", out.toString()));
    Path log = dir.resolve("child.log");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Path checkpoints = out.resolve(RunContents.CHECKPOINTS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.isDirectory(checkpoints) || Files.list(checkpoints).findAny().isEmpty()) {
        if (!child.isAlive()) fail("the child ended:\n" + Files.readString(log));
        if (System.nanoTime() > deadline) fail("no checkpoint within 120 s:\n" + Files.readString(log));
        Thread.sleep(5);
      }
      String holder = "pid " + child.pid() + ": deepgrad train --out " + out + ", since ";
      assertTrue(Files.readString(out.resolve(FolderLock.FILE)).startsWith(holder));
      assertRefused(train(out, "--epochs", "100000", "--checkpoint-every", "20steps"), out + " is in use by " + holder);
      assertRefused(train(out, "--epochs", "100000", "--checkpoint-every", "20steps", "--resume"),
          "--resume: " + out + " is in use by " + holder);
    } finally {
      child.destroyForcibly(); // SIGKILL: the system releases the lock
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }
    // The killed run resumes at once, from its newest checkpoint; --max-steps 1 ends it there.
    Cli.Run resumed = train(out, "--epochs", "100000", "--checkpoint-every", "20steps", "--resume", "--max-steps", "1",
        "--allow-changes");
    assertEquals(Failures.OK, resumed.code(), resumed::toString);
    assertTrue(resumed.out().contains("resumed from " + out.resolve(RunContents.CHECKPOINTS)), resumed::toString);
  }

  @Test
  void twoRunsIntoOneFolderInThisJvmLeaveOneRun() throws Exception {
    Path out = dir.resolve("twice");
    Cli.Run[] runs = new Cli.Run[2];
    Thread other = new Thread(() -> runs[1] = train(out, "--epochs", "3"));
    other.start();
    runs[0] = train(out, "--epochs", "3");
    other.join();
    List<Integer> codes = List.of(runs[0].code(), runs[1].code());
    assertTrue(codes.contains(Failures.OK) && codes.contains(Failures.BAD_INPUT), () -> runs[0] + "\n" + runs[1]);
    Cli.Run refused = runs[0].code() == Failures.OK ? runs[1] : runs[0];
    assertTrue(refused.err().contains(out + " is in use by ") || refused.err().contains("already holds a run")
        || refused.err().contains("holds a finished run"), refused::toString);
    String metrics = Files.readString(out.resolve(MetricsLog.FILE));
    assertEquals(1, metrics.split("\"event\":\"end\"", -1).length - 1, "one run's records:\n" + metrics);
  }
}
