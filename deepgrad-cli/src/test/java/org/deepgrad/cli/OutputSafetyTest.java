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
import java.util.Map;
import java.util.stream.Stream;
import org.deepgrad.io.FolderLock;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.io.SavedModel;
import org.deepgrad.run.files.MetricsLog;
import org.deepgrad.run.files.RunContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command writes over its own inputs or a run's files, and every path given where a file or a
 * directory is read says what it is instead: each case exits with code 2, names the file or flag and
 * the fix, and leaves every file as it was.
 */
class OutputSafetyTest {
  @TempDir Path dir;

  /** A copy of the spirals model's run folder (its model, config and checkpoints). */
  private Path spiralsRun() throws IOException {
    Path from = TrainedModels.get("spirals").dir();
    Path to = dir.resolve("spirals");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!f.getFileName().toString().equals(FolderLock.FILE)) Files.copy(f, to.resolve(from.relativize(f).toString()));
      }
    }
    return to;
  }

  private Path inputs() throws IOException {
    return Files.writeString(dir.resolve("x.csv"), "x,y\n0.1,0.2\n-0.3,0.4\n");
  }

  @Test
  void predictNeverWritesOverItsInputOrARunsFiles() throws IOException {
    Path model = spiralsRun();
    Path input = inputs();
    Map<String, byte[]> before = snapshot(dir);
    String m = model.toString();
    assertRefused(Cli.run("predict", "--model", m, "--input", input.toString(), "--output", input.toString()),
        "--output " + input + " is the --input file", "Choose another file");
    for (String f : new String[] {ModelFiles.WEIGHTS, ModelFiles.CARD, RunContents.CONFIG_FILE, MetricsLog.FILE,
        FolderLock.FILE}) {
      assertRefused(Cli.run("predict", "--model", m, "--input", input.toString(), "--output", model.resolve(f).toString()),
          "--output " + model.resolve(f) + " is the run's " + f + " in " + model, "Choose another file name");
    }
    assertRefused(Cli.run("predict", "--model", m, "--input", input.toString(), "--output",
        model.resolve(RunContents.CHECKPOINTS).resolve("p.csv").toString()), "in the checkpoints folder of the run in " + model);
    assertRefused(Cli.run("predict", "--model", m, "--input", input.toString(), "--output", dir.toString()),
        "--output " + dir + " is a directory");
    assertRefused(Cli.run("predict", "--model", m, "--input", input.toString(), "--output", "/dev/null"),
        "--output /dev/null is not a regular file", "leave --output out");
    assertUnchanged(before, dir, "refused predictions");
    Cli.Run ok = Cli.run("predict", "--model", m, "--input", input.toString(), "--output", model.resolve("p.csv").toString());
    assertEquals(Failures.OK, ok.code(), ok::toString);
    assertTrue(Files.readString(model.resolve("p.csv")).startsWith("row,prediction\n0,"));
  }

  @Test
  void pathsThatAreNotFilesAreNamedForWhatTheyAre() throws IOException {
    Path model = spiralsRun();
    assertRefused(Cli.run("predict", "--model", model.toString(), "--input", dir.toString()),
        "--input " + dir + ": is a directory, not a file");
    assertRefused(Cli.run("predict", "--model", model.toString(), "--input", "/dev/zero"),
        "--input /dev/zero: is not a regular file (a device, a pipe or a socket)");
    assertRefused(Cli.run("predict", "--model", model.resolve(ModelFiles.CARD).toString(), "--input", "x"),
        "--model " + model.resolve(ModelFiles.CARD) + ": is a file, not a directory");
    assertRefused(Cli.run("train", "/dev/zero", "--dry-run"), "config file /dev/zero: is not a regular file");
    assertRefused(Cli.run("train", dir.toString(), "--dry-run"), "config file " + dir + ": is a directory, not a file");
    assertRefused(Cli.run("train", "--dataset", "csv:/dev/zero", "--dry-run"), "--dataset (data.dataset) = \"csv:/dev/zero\": "
        + "is not a regular file");
    assertRefused(Cli.run("train", "--dataset", "csv:" + dir, "--dry-run"), "is a directory, not a file");
    assertRefused(Cli.run("train", dir.resolve("gone.yaml").toString(), "--dry-run"), "config file not found");
  }

  @Test
  void modelWeightsThatAreNotFiniteAreRefused() throws IOException {
    Path model = spiralsRun();
    SavedModel saved = ModelFiles.load(model);
    saved.model().stateDict().get("0.weight").data()[3] = Float.NaN;
    ModelFiles.save(model, saved.model(), saved.card()); // a consistent pair of files, with a NaN weight
    assertRefused(Cli.run("predict", "--model", model.toString(), "--input", inputs().toString()),
        "--model " + model + ": its weights are not all finite (0.weight[3] is NaN", "train the model again");
    assertRefused(Cli.run("evaluate", "--model", model.toString()), "0.weight[3] is NaN");
  }

  @Test
  void configsWithAliasesOrBinaryContentsAreRefused() throws IOException {
    Path alias = Files.writeString(dir.resolve("alias.yaml"),
        "data: {dataset: spirals, data_dir: &d " + dir + "}\noutput: {dir: *d}\n");
    assertRefused(Cli.run("train", alias.toString(), "--dry-run"), "config file " + alias + ", line 2, column 15",
        "the YAML alias *d is not supported", "write the value out in full");
    Path anchorOnly = Files.writeString(dir.resolve("anchor.yaml"), "data: &d {dataset: spirals}\n");
    assertEquals(Failures.OK, Cli.run("train", anchorOnly.toString(), "--dry-run").code(), "an anchor alone is harmless");
    Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
    assertRefused(Cli.run("train", binary.toString(), "--dry-run"), "config file " + binary + " is not a text file "
        + "(bytes that are not UTF-8 at byte 3)");
    Path nul = Files.write(dir.resolve("nul.yaml"), new byte[] {'a', ':', ' ', 0, '\n'});
    assertRefused(Cli.run("train", nul.toString(), "--dry-run"), "is not a text file (a NUL byte at byte 3)");
  }

  @Test
  void diagnoseKeepsOffARunAndSamplesSomething() throws IOException {
    Path run = spiralsRun();
    Map<String, byte[]> before = snapshot(run);
    assertRefused(Cli.run("diagnose", "--dataset", "spirals", "--hidden", "8", "--steps", "5", "--out", run.toString()),
        "--out " + run + " holds a 'deepgrad train' run, whose diagnostics.json the probe would replace");
    assertUnchanged(before, run, "diagnose into a run folder");
    assertRefused(Cli.run("diagnose", "--dataset", "spirals", "--hidden", "8", "--steps", "5", "--every", "50"),
        "--every 50: the probe takes 5 steps (--steps 5), so no step would be sampled; give --every at most 5");
  }

  @Test
  void anOutputDirectoryTheSystemRefusesIsNamedWithAReason() {
    Cli.Run run = Cli.run("train", "--dataset", "spirals", "--hidden", "8", "--out", "/proc/deepgrad-test/x");
    assertRefused(run, "cannot create the output directory /proc/deepgrad-test/x (", "--out DIR");
    assertFalse(run.err().contains("null"), run::toString);
  }

  @Test
  void reportSweepAndReproduceKeepToTheirOwnFolders() throws IOException {
    Path run = spiralsRun();
    Map<String, byte[]> before = snapshot(run);
    assertRefused(Cli.run("reproduce", "he2015", "--quick", "--output", run.toString()),
        "--out " + run + " holds a 'deepgrad train' run", "--out DIR");
    assertUnchanged(before, run, "reproduce into a run folder");
    Path notARun = Files.createDirectories(dir.resolve("plain"));
    assertRefused(Cli.run("report", notARun.toString()), "is not a run directory");
    assertFalse(Files.exists(notARun.resolve(FolderLock.FILE)), "report writes nothing into a folder it refuses");
    Path sweep = Files.createDirectories(dir.resolve("sweep"));
    Path grid = Files.writeString(dir.resolve("grid.yaml"), "base: {data: {dataset: spirals}}\naxes: {lr: [0.1]}\n");
    try (FolderLock lock = FolderLock.acquire(sweep, "another sweep")) {
      assertRefused(Cli.run("sweep", grid.toString(), "--output", sweep.toString()), sweep + " is in use by pid "
          + ProcessHandle.current().pid() + ": another sweep", "deepgrad sweep");
    }
  }
}
