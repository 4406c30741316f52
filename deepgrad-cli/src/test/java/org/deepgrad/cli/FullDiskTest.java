package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.io.Safetensors;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.CheckpointStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint write that fails part-way for real, in a child JVM resuming a run from its step-20
 * checkpoint: on a full disk (a tmpfs just too small for the step-30 checkpoint, ENOSPC), over the
 * file size limit ({@code ulimit -f}, EFBIG) and in a directory mounted read-only (EROFS). Each run
 * exits with code 2 and one message naming the checkpoint, the cause and the fix; the checkpoints
 * written before are byte-identical, no temporary file is left, and {@code --resume} later finishes
 * with the same weights as a run never interrupted. The tmpfs and read-only cases need
 * {@code unshare} (a private mount namespace, as root or with unprivileged user namespaces) and are
 * skipped without it; the size limit needs only Linux and bash.
 */
class FullDiskTest {
  private static final List<String> FLAGS = List.of("train", "--hidden", "8", "--max-steps", "40",
      "--checkpoint-every", "10steps", "--keep-checkpoints", "4", "--log-every", "10", "--no-progress");
  private static final String FAILED = CheckpointStore.fileName(30);
  /** The child's exit code when the mount namespace could not be set up. */
  private static final int NO_NAMESPACE = 97;

  @TempDir static Path shared;
  @TempDir Path dir;
  private static Path base;
  private static Map<String, Tensor> uninterrupted;

  /**
   * One uninterrupted run of 40 steps with checkpoints every 10; the base of each case is that run
   * cut back to step 20 (later checkpoints and the model removed), as if it had stopped there.
   */
  @BeforeAll
  static void trainFortyStepsAndCutBackToTwenty() throws IOException {
    base = shared.resolve("base");
    Cli.Run first = train(base);
    assertEquals(Failures.OK, first.code(), first::toString);
    uninterrupted = Safetensors.read(base.resolve(ModelFiles.WEIGHTS)).tensors();
    for (String f : List.of(ModelFiles.WEIGHTS, ModelFiles.CARD, RunContents.CHECKPOINTS + "/" + CheckpointStore.fileName(30),
        RunContents.CHECKPOINTS + "/" + CheckpointStore.fileName(40))) {
      Files.delete(base.resolve(f));
    }
  }

  private static Cli.Run train(Path out, String... more) {
    List<String> args = new ArrayList<>(FLAGS);
    args.addAll(List.of("--out", out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void aFullDiskLeavesThePreviousCheckpointsIntact() throws Exception {
    Path out = copyOfBase();
    Path checkpoints = out.resolve(RunContents.CHECKPOINTS);
    Map<String, byte[]> before = contents(checkpoints);
    long pages = 0;
    for (byte[] b : before.values()) pages += (b.length + 4095) / 4096;
    long room = (pages + (before.values().iterator().next().length / 2 + 4095) / 4096) * 4096; // half a checkpoint more
    Path saved = Files.move(checkpoints, dir.resolve("saved"));
    Files.createDirectory(checkpoints);
    Path after = Files.createDirectory(dir.resolve("after"));
    // tmpfs vanishes with the namespace: copy what the run left (hidden files included) out first.
    Child run = inNamespace("mount -t tmpfs -o size=" + room + " deepgrad-full " + q(checkpoints) + " || exit " + NO_NAMESPACE
        + "; cp -p " + q(saved) + "/* " + q(checkpoints) + "/ && " + java(out) + "; code=$?; cp -a " + q(checkpoints)
        + "/. " + q(after) + "/; exit $code");
    assertFailedCleanly(run, checkpoints, "No space left on device");
    assertEquals(keys(before), keys(contents(after)), "no temporary file left:\n" + run);
    before.forEach((name, b) -> assertArrayEquals(b, contents(after).get(name), name + " changed"));
    Files.delete(checkpoints);
    Files.move(after, checkpoints);
    assertResumesToTheSameWeights(out);
  }

  @Test
  void theFileSizeLimitLeavesThePreviousCheckpointsIntact() throws Exception {
    Path out = copyOfBase();
    Path checkpoints = out.resolve(RunContents.CHECKPOINTS);
    Map<String, byte[]> before = contents(checkpoints);
    int kib = before.values().iterator().next().length / 2048; // half a checkpoint, in bash's 1024-byte blocks
    Child run = child("ulimit -f " + kib + " && " + java(out));
    assertFailedCleanly(run, checkpoints, "File too large");
    assertUnchanged(before, checkpoints, run);
    assertResumesToTheSameWeights(out);
  }

  @Test
  void aReadOnlyDirectoryLeavesThePreviousCheckpointsIntact() throws Exception {
    Path out = copyOfBase();
    Path checkpoints = out.resolve(RunContents.CHECKPOINTS);
    Map<String, byte[]> before = contents(checkpoints);
    Child run = inNamespace("mount --bind " + q(checkpoints) + " " + q(checkpoints) + " && mount -o remount,bind,ro "
        + q(checkpoints) + " || exit " + NO_NAMESPACE + "; " + java(out));
    assertFailedCleanly(run, checkpoints, "Read-only file system");
    assertUnchanged(before, checkpoints, run);
    assertResumesToTheSameWeights(out);
  }

  private record Child(int code, String log) {
    @Override
    public String toString() {
      return "exit " + code + "\n" + log;
    }
  }

  private Path copyOfBase() throws IOException {
    Path out = dir.resolve("run");
    try (Stream<Path> files = Files.walk(base)) {
      for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, out.resolve(base.relativize(f).toString()));
    }
    return out;
  }

  /** The command line resuming the run in {@code out}, as shell words. */
  private static String java(Path out) {
    List<String> command = ChildJvm.deepgrad("512m");
    command.addAll(FLAGS);
    command.addAll(List.of("--out", out.toString(), "--resume"));
    return String.join(" ", command.stream().map(FullDiskTest::q).toList());
  }

  private Child inNamespace(String script) throws Exception {
    Child probe = child("unshare -rm true");
    assumeTrue(probe.code() == 0, () -> "no private mount namespace (unshare -rm): " + probe);
    Child run = child("exec unshare -rm bash -c " + q(script));
    assumeTrue(run.code() != NO_NAMESPACE, () -> "the mount in the namespace failed: " + run);
    return run;
  }

  private Child child(String script) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path log = Files.createTempFile(dir, "child", ".log");
    Process p = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child did not end within 120 s:\n" + Files.readString(log));
    }
    return new Child(p.exitValue(), Files.readString(log));
  }

  private static void assertFailedCleanly(Child run, Path checkpoints, String cause) {
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    for (String phrase : List.of("resumed from " + checkpoints.resolve(CheckpointStore.fileName(20)),
        "deepgrad train: cannot write the checkpoint " + checkpoints.resolve(FAILED), cause,
        "the checkpoints written before it are intact", "free space on that disk", "--resume")) {
      assertTrue(run.log().contains(phrase), () -> "'" + phrase + "' missing:\n" + run);
    }
    assertFalse(run.log().contains("\tat ") || run.log().contains("Exception"), () -> "a stack trace:\n" + run);
  }

  private static void assertUnchanged(Map<String, byte[]> before, Path checkpoints, Child run) throws IOException {
    Map<String, byte[]> now = contents(checkpoints);
    assertEquals(keys(before), keys(now), "no temporary file left, nothing removed:\n" + run);
    before.forEach((name, b) -> assertArrayEquals(b, now.get(name), name + " changed"));
  }

  /** Once the cause is gone, --resume goes on from step 20 to the weights of a run never interrupted. */
  private static void assertResumesToTheSameWeights(Path out) throws IOException {
    Cli.Run resumed = train(out, "--resume");
    assertEquals(Failures.OK, resumed.code(), resumed::toString);
    Map<String, Tensor> weights = Safetensors.read(out.resolve(ModelFiles.WEIGHTS)).tensors();
    assertEquals(uninterrupted.keySet(), weights.keySet());
    uninterrupted.forEach((name, t) -> assertArrayEquals(t.data(), weights.get(name).data(), name));
  }

  /** Every file in {@code dir} (hidden ones too) by name, with its bytes. */
  private static Map<String, byte[]> contents(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : (Iterable<Path>) list::iterator) files.put(f.getFileName().toString(), Files.readAllBytes(f));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return files;
  }

  private static List<String> keys(Map<String, byte[]> files) {
    return List.copyOf(files.keySet());
  }

  /** {@code s} quoted for bash. */
  private static String q(Object s) {
    return "'" + s.toString().replace("'", "'\\''") + "'";
  }
}
