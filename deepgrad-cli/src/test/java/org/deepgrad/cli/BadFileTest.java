package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.train.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad data files, damaged checkpoints, an output directory that cannot be written and a diverging
 * run: exit code 2 and one paragraph on stderr naming the file and the problem, no stack trace.
 */
class BadFileTest {
  @TempDir
  Path dir;

  private static Cli.Run train(String... args) {
    List<String> all = new ArrayList<>(List.of("train", "--no-progress", "--epochs", "1"));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  /** Exit 2, every phrase on stderr, a single paragraph, no stack trace, no exception class name. */
  private static void assertBadInput(Cli.Run run, String... phrases) {
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    for (String p : phrases) assertTrue(run.err().contains(p), () -> "'" + p + "' missing:\n" + run);
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), () -> "a stack trace:\n" + run);
    assertEquals(1, run.err().lines().filter(l -> l.startsWith("deepgrad train: ")).count(), run::toString);
  }

  private Cli.Run trainOn(String fileName, String content, String... args) throws IOException {
    Path file = Files.writeString(dir.resolve(fileName), content);
    List<String> all = new ArrayList<>(List.of("--dataset", "csv:" + file, "--out", dir.resolve("out").toString()));
    all.addAll(List.of(args));
    return train(all.toArray(String[]::new));
  }

  @Test
  void aCsvValueThatIsNotANumberNamesLineAndColumn() throws IOException {
    assertBadInput(trainOn("bad.csv", "a,b,label\n1,2,0\n3,x4,1\n"), "bad.csv, line 3, column 2 (column \"b\")",
        "found \"x4\"; expected a number");
  }

  @Test
  void aRaggedCsvRowNamesItsLine() throws IOException {
    assertBadInput(trainOn("ragged.csv", "a,b,label\n1,2,0\n3,1\n"), "ragged.csv, line 3", "found 2 fields",
        "expected 3 fields as in the header");
  }

  @Test
  void anEmptyCsvFileOrOneWithOnlyAHeader() throws IOException {
    assertBadInput(trainOn("empty.csv", ""), "empty.csv: found an empty file");
    assertBadInput(trainOn("header.csv", "a,b,label\n"), "header.csv: found no data rows after the header");
  }

  /** The four files of an MNIST-style set with 4x4 images in {@code dir}; {@code damage} edits them by name. */
  private static Path idxSet(Path dir, Map<String, byte[]> damage) throws IOException {
    Files.createDirectories(dir);
    Map<String, byte[]> files = Map.of("train-images-idx3-ubyte", idx(0x803, 40, 4, 4), "train-labels-idx1-ubyte",
        idx(0x801, 40), "t10k-images-idx3-ubyte", idx(0x803, 10, 4, 4), "t10k-labels-idx1-ubyte", idx(0x801, 10));
    for (var e : files.entrySet()) Files.write(dir.resolve(e.getKey()), damage.getOrDefault(e.getKey(), e.getValue()));
    return dir;
  }

  /** An IDX file: the magic, the dimensions, then bytes 0, 1, 2, 0, 1, ... (valid labels and pixels). */
  private static byte[] idx(int magic, int... dims) {
    int n = 1;
    for (int d : dims) n *= d;
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + n).putInt(magic);
    for (int d : dims) b.putInt(d);
    for (int i = 0; i < n; i++) b.put((byte) (i % 3));
    return b.array();
  }

  @Test
  void idxFilesAreReadAndTheirDamageNamed() throws IOException {
    Cli.Run good = train("--dataset", "idx:" + idxSet(dir.resolve("good"), Map.of()), "--hidden", "8",
        "--out", dir.resolve("out-good").toString());
    assertEquals(Failures.OK, good.code(), good::toString);

    byte[] zip = idx(0x504b0304, 40);
    assertBadInput(train("--dataset", "idx:" + idxSet(dir.resolve("magic"), Map.of("train-labels-idx1-ubyte", zip)),
        "--out", dir.resolve("out-magic").toString()), "train-labels-idx1-ubyte", "byte offset 0 (magic number)");

    byte[] cut = Arrays.copyOf(idx(0x803, 10, 4, 4), 16 + 150);
    assertBadInput(train("--dataset", "idx:" + idxSet(dir.resolve("cut"), Map.of("t10k-images-idx3-ubyte", cut)),
        "--out", dir.resolve("out-cut").toString()), "t10k-images-idx3-ubyte", "found only 150 data bytes",
        "truncated");

    Path gz = idxSet(dir.resolve("gz"), Map.of());
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(packed)) {
      z.write(Files.readAllBytes(gz.resolve("t10k-labels-idx1-ubyte")));
    }
    Files.delete(gz.resolve("t10k-labels-idx1-ubyte"));
    Files.write(gz.resolve("t10k-labels-idx1-ubyte.gz"), Arrays.copyOf(packed.toByteArray(), 20));
    assertBadInput(train("--dataset", "idx:" + gz, "--out", dir.resolve("out-gz").toString()),
        "t10k-labels-idx1-ubyte.gz", "gzip stream is corrupt or truncated");

    assertBadInput(train("--dataset", "idx:" + Files.createDirectories(dir.resolve("none")),
        "--out", dir.resolve("out-none").toString()), "no MNIST-style data set in", "train-images-idx3-ubyte");
  }

  @Test
  void aConfigNamingAMissingDataFile() throws IOException {
    Path config = Files.writeString(dir.resolve("run.yaml"), "data: {dataset: \"csv:" + dir.resolve("gone.csv") + "\"}\n");
    assertBadInput(train(config.toString(), "--out", dir.resolve("out").toString()), "`data.dataset`",
        "no such file", "gone.csv");
  }

  // Checkpoints: a run of 20 steps of 784-8-10 with a checkpoint every 5 steps, the newest three kept,
  // then its model removed, as if it had been killed after its last checkpoint (a finished run has
  // nothing to resume).

  private Path trainedRun(String name) throws IOException {
    Path out = dir.resolve(name);
    Cli.Run run = train("--hidden", "8", "--max-steps", "20", "--checkpoint-every", "5steps", "--out", out.toString());
    assertEquals(Failures.OK, run.code(), run::toString);
    Files.delete(out.resolve(ModelFiles.CARD));
    Files.delete(out.resolve(ModelFiles.WEIGHTS));
    return out;
  }

  private static Path checkpoint(Path out, long step) {
    return out.resolve(RunContents.CHECKPOINTS).resolve(CheckpointStore.fileName(step));
  }

  /** {@code train --resume} of the run in {@code out} with its flags, or with {@code flags} where given. */
  private static Cli.Run resume(Path out, String... flags) {
    List<String> all = new ArrayList<>(List.of(flags));
    if (!all.contains("--hidden")) all.addAll(List.of("--hidden", "8"));
    all.addAll(List.of("--max-steps", "20", "--checkpoint-every", "5steps", "--out", out.toString(), "--resume"));
    return train(all.toArray(String[]::new));
  }

  @Test
  void aDamagedNewestCheckpointIsPassedOverWithAWarning() throws IOException {
    Path out = trainedRun("damaged-newest");
    byte[] bytes = Files.readAllBytes(checkpoint(out, 20));
    bytes[bytes.length - 10] ^= 0x40; // one bit of a weight
    Files.write(checkpoint(out, 20), bytes);
    Cli.Run run = resume(out);
    assertEquals(Failures.OK, run.code(), run::toString);
    assertTrue(run.err().contains("warning: passed over a damaged checkpoint: " + checkpoint(out, 20)), run::toString);
    assertTrue(run.err().contains("SHA-256"), run::toString);
    assertTrue(run.out().contains("resumed from " + checkpoint(out, 15)), run::toString);
    assertTrue(Files.isRegularFile(out.resolve(ModelFiles.WEIGHTS)), run::toString);
  }

  @Test
  void noUsableCheckpointStopsTheResume() throws IOException {
    Path out = trainedRun("all-damaged");
    for (long step : new long[] {10, 15, 20}) {
      byte[] bytes = Files.readAllBytes(checkpoint(out, step));
      Files.write(checkpoint(out, step), Arrays.copyOf(bytes, step == 15 ? 3 : bytes.length / 2));
    }
    assertBadInput(resume(out), "none of the 3 checkpoints is usable", checkpoint(out, 20) + ": not a readable",
        "truncated");
  }

  @Test
  void aCheckpointOfAnotherModelIsRefused() throws IOException {
    Path out = trainedRun("other-model");
    // --allow-changes lets the changed settings past the config check, to the checkpoint's own.
    assertBadInput(resume(out, "--hidden", "9", "--allow-changes"), checkpoint(out, 20).toString(),
        "saved from another model", "0.weight is [8, 784] there, [9, 784] here");
    assertBadInput(resume(out, "--optimizer", "sgd", "--lr", "0.1", "--allow-changes"), checkpoint(out, 20).toString(),
        "does not fit this run",
        "'adam' optimizer cannot be loaded into 'sgd'");
  }

  @Test
  void anOutputDirectoryThatCannotBeCreated() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertBadInput(train("--hidden", "8", "--max-steps", "1", "--out", file.toString()),
        "cannot create the output directory " + file, "a file of that name is in the way");
    assertBadInput(train("--hidden", "8", "--max-steps", "1", "--out", file.resolve("run").toString()),
        "cannot create the output directory " + file.resolve("run"));
  }

  @Test
  void anUnwritableOutputDirectory() throws IOException {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "needs POSIX permissions");
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeTrue(!Files.isWritable(locked), "permissions are not enforced for this user (root)");
      assertBadInput(train("--hidden", "8", "--max-steps", "1", "--out", locked.resolve("run").toString()),
          locked.resolve("run").toString(), "permission denied");
      assertBadInput(train("--hidden", "8", "--max-steps", "1", "--out", locked.toString()),
          locked.toString(), "permission denied");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aDivergingRunStopsWithTheNonFiniteReport() {
    Path out = dir.resolve("diverged");
    // BatchNorm's variance overflows within a few steps of SGD at lr 1e6.
    assertBadInput(train("--hidden", "16", "--optimizer", "sgd", "--lr", "1e6", "--max-steps", "20",
        "--out", out.toString()), "training stopped: non-finite loss at step", "(epoch 1)", "no model was saved",
        "--on-non-finite skip|backoff");
    assertFalse(Files.exists(out.resolve(ModelFiles.WEIGHTS)));
  }

  @Test
  void skippingNonFiniteBatchesCompletesTheRun() {
    Path out = dir.resolve("skipped");
    Cli.Run run = train("--hidden", "16", "--optimizer", "sgd", "--lr", "1e6", "--max-steps", "20",
        "--on-non-finite", "skip", "--out", out.toString());
    assertEquals(Failures.OK, run.code(), run::toString);
    assertTrue(run.err().contains("warning: non-finite loss at step"), run::toString);
    assertTrue(run.err().contains("batch skipped"), run::toString);
    assertTrue(run.out().contains("batches skipped"), run::toString);
    assertTrue(Files.isRegularFile(out.resolve(ModelFiles.WEIGHTS)), run::toString);
  }
}
