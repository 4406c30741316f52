package org.deepgrad.cli;

import static org.deepgrad.cli.Folders.assertRefused;
import static org.deepgrad.cli.Folders.assertUnchanged;
import static org.deepgrad.cli.Folders.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.run.files.MetricsLog;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.train.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code train} may do with a folder that already holds something ({@link RunFolder}): each
 * refusal exits with code 2 naming the folder or file and the flag that would allow it, and leaves
 * every file byte-identical; each case that goes ahead says what it did.
 */
class RunFolderTest {
  private static final List<String> RUN = List.of("--dataset", "spirals", "--hidden", "8", "--no-progress",
      "--no-diagnose");

  @TempDir Path dir;

  private static Cli.Run train(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("train"));
    args.addAll(RUN);
    args.addAll(List.of("--out", out.toString()));
    if (!Arrays.asList(more).contains("--epochs")) args.addAll(List.of("--epochs", "2"));
    args.addAll(Arrays.asList(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private Path finishedRun(String name) {
    Path out = dir.resolve(name);
    Cli.Run run = train(out);
    assertEquals(Failures.OK, run.code(), run::toString);
    return out;
  }

  @Test
  void resumeNeverTrainsOverAFinishedModelWithoutACheckpoint() throws IOException {
    Path out = finishedRun("finished");
    try (var files = Files.list(out.resolve(RunContents.CHECKPOINTS))) {
      for (Path f : files.toList()) Files.delete(f);
    }
    Map<String, byte[]> before = snapshot(out);
    // The case: other settings (a shorter run) over a finished model with no checkpoint.
    assertRefused(train(out, "--resume", "--max-steps", "10"), "--resume", "training.max_steps: 0 -> 10",
        "--allow-changes");
    assertRefused(train(out, "--resume", "--max-steps", "10", "--allow-changes"), "--resume: " + out,
        "holds a finished run's model", "no checkpoint to continue from", "--overwrite");
    assertUnchanged(before, out, "after two refused resumes");
  }

  @Test
  void resumeIntoAFolderHoldingAnotherModelIsRefused() throws IOException {
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    TrainedModels.Trained linear = TrainedModels.get("linear");
    for (String f : List.of(ModelFiles.CARD, ModelFiles.WEIGHTS)) Files.copy(linear.dir().resolve(f), other.resolve(f));
    Map<String, byte[]> before = snapshot(other);
    assertRefused(train(other, "--resume"), "--resume: " + other, "holds a finished run's model", "no config.yaml",
        "--overwrite");
    assertRefused(train(other), "--out " + other + " holds a finished run", "--overwrite");
    assertUnchanged(before, other, "a saved model of another architecture and data set");
  }

  @Test
  void aFinishedRunResumedWithItsSettingsHasNothingToDo() {
    Path out = finishedRun("done");
    Map<String, byte[]> before = snapshot(out);
    Cli.Run again = train(out, "--resume");
    assertEquals(Failures.OK, again.code(), again::toString);
    assertTrue(again.out().contains("the run in " + out + " has finished"), again::toString);
    assertTrue(again.out().contains("nothing to resume, and nothing was written"), again::toString);
    assertUnchanged(before, out, again);
    // Its own config.yaml gives the same settings.
    Cli.Run fromConfig = Cli.run("train", out.resolve(RunContents.CONFIG_FILE).toString(), "--resume");
    assertEquals(Failures.OK, fromConfig.code(), fromConfig::toString);
    assertUnchanged(before, out, fromConfig);
  }

  @Test
  void aFinishedRunIsReplacedOnlyWithOverwrite() throws IOException {
    Path out = finishedRun("replace");
    Files.writeString(out.resolve("notes.txt"), "mine");
    Map<String, byte[]> before = snapshot(out);
    assertRefused(train(out, "--epochs", "1"), "--out " + out + " holds a finished run", out.resolve(ModelFiles.CARD)
        .toString(), "--overwrite");
    assertUnchanged(before, out, "refused without --overwrite");
    assertRefused(train(out, "--overwrite", "--resume"), "--overwrite", "--resume", "give one of them");

    Cli.Run replaced = train(out, "--epochs", "1", "--overwrite");
    assertEquals(Failures.OK, replaced.code(), replaced::toString);
    assertTrue(replaced.out().contains("COMPLETED after 1 epochs"), replaced::toString);
    assertEquals("mine", Files.readString(out.resolve("notes.txt")), "other files are never touched");
    String metrics = Files.readString(out.resolve(MetricsLog.FILE));
    assertEquals(1, metrics.split("\"event\":\"end\"", -1).length - 1, "the old run's records are gone:\n" + metrics);
    assertEquals(1, new CheckpointStore(out.resolve(RunContents.CHECKPOINTS), 3).list().size(),
        "the old run's two epoch checkpoints are gone, the new run's one is there");
  }

  @Test
  void resumeWithOtherSettingsNeedsAllowChangesAndSaysWhatChanged() throws IOException {
    Path out = finishedRun("changed");
    Files.delete(out.resolve(ModelFiles.CARD)); // killed after its last checkpoint: there is a step to resume from
    Map<String, byte[]> before = snapshot(out);
    assertRefused(train(out, "--resume", "--lr", "0.5"), "--resume: the run in " + out,
        "was started with other settings", "optimizer.lr: not set -> 0.5", out.resolve(RunContents.CONFIG_FILE) + " --resume",
        "--allow-changes");
    assertUnchanged(before, out, "a refused change of settings");
    assertRefused(train(out, "--lr", "0.5", "--allow-changes"), "--allow-changes applies to --resume");

    Cli.Run changed = train(out, "--resume", "--lr", "0.5", "--epochs", "3", "--allow-changes");
    assertEquals(Failures.OK, changed.code(), changed::toString);
    assertTrue(changed.out().contains("settings changed since the run started (--allow-changes): "
        + "optimizer.lr: not set -> 0.5; training.epochs: 2 -> 3"), changed::toString);
    assertTrue(Files.readString(out.resolve(MetricsLog.FILE)).contains("{\"event\":\"settings_changed\",\"changes\":"
        + "[\"optimizer.lr: not set -> 0.5\",\"training.epochs: 2 -> 3\"]"));
    assertTrue(Files.readString(out.resolve(RunContents.CONFIG_FILE)).contains("lr: 0.5"), "config.yaml holds the new settings");
    // Where the files are and how the run reports may change freely.
    Files.delete(out.resolve(ModelFiles.CARD));
    Cli.Run free = train(out, "--resume", "--lr", "0.5", "--epochs", "3", "--log-every", "7", "--threads", "1");
    assertEquals(Failures.OK, free.code(), free::toString);
    assertFalse(free.out().contains("settings changed"), free::toString);
  }

  @Test
  void filesARunWouldReplaceAreNeverTouched() throws IOException {
    Path out = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(out.resolve(RunContents.CONFIG_FILE), "data: {dataset: spirals}\n");
    Files.writeString(out.resolve("report.html"), "<p>my page</p>");
    Map<String, byte[]> before = snapshot(out);
    assertRefused(train(out), out + " already has config.yaml, report.html", "holds no run", "--out DIR");
    assertRefused(train(out, "--resume"), out + " already has config.yaml, report.html");
    assertRefused(Cli.run("train", out.resolve(RunContents.CONFIG_FILE).toString(), "--out", out.toString(), "--dry-run"),
        "already has config.yaml");
    assertUnchanged(before, out, "a folder with files of a run's names that holds no run");
  }
}
