package org.deepgrad.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deepgrad.io.ModelFileException;
import org.deepgrad.io.Safetensors;
import org.deepgrad.train.CheckpointException.Kind;

/**
 * A directory of one run's checkpoints, {@code ckpt-<step, 12 digits>.safetensors} (format:
 * {@link CheckpointCodec}). Each is written atomically and durably ({@code io.AtomicFiles}: a crash
 * leaves the previous file set intact); only then are older ones pruned to the newest
 * {@code keep}, and any from later steps (a continuation this run replaces) deleted.
 */
public final class CheckpointStore {
  private static final Pattern NAME = Pattern.compile("ckpt-(\\d{1,18})\\.safetensors");

  private final Path dir;
  private final int keep;

  /** The store in {@code dir} (created on the first save), keeping the newest {@code keep} &gt;= 1 files. */
  public CheckpointStore(Path dir, int keep) {
    if (keep < 1) throw new IllegalArgumentException("keep = " + keep + " checkpoints; keep at least 1");
    this.dir = dir;
    this.keep = keep;
  }

  /** A checkpoint found by {@link #newest}: its file, its contents and the newer files passed over, with why. */
  public record Loaded(Path file, Checkpoint checkpoint, List<String> skipped) {}

  /** The file name of the checkpoint at {@code step}, in ASCII digits whatever the locale ({@link #list} reads those). */
  public static String fileName(long step) {
    return String.format(Locale.ROOT, "ckpt-%012d.safetensors", step);
  }

  /** The checkpoint files in the directory, oldest step first (none when it does not exist). */
  public List<Path> list() throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong(CheckpointStore::step)).toList();
    }
  }

  /** Writes {@code c} as the checkpoint of its step, then prunes; returns the file. */
  public Path save(Checkpoint c, String fingerprint) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(fileName(c.step()));
    Safetensors.Contents contents = CheckpointCodec.encode(c, fingerprint);
    Safetensors.write(file, contents.tensors(), contents.metadata());
    List<Path> older = new ArrayList<>();
    for (Path f : list()) {
      if (step(f) > c.step()) Files.deleteIfExists(f);
      else if (step(f) < c.step()) older.add(f);
    }
    for (Path f : older.subList(0, Math.max(0, older.size() - (keep - 1)))) Files.deleteIfExists(f);
    return file;
  }

  /**
   * Reads and verifies one checkpoint file for a model with {@code fingerprint}.
   *
   * @throws CheckpointException UNREADABLE, CHECKSUM or INCOMPATIBLE, naming the file and the problem
   */
  public static Checkpoint read(Path file, String fingerprint) throws IOException {
    Safetensors.Contents contents;
    try {
      contents = Safetensors.read(file);
    } catch (ModelFileException e) {
      throw new CheckpointException(file, Kind.UNREADABLE, "not a readable safetensors file (" + e.getMessage()
          + "); it was truncated or damaged. Resume from another checkpoint", e);
    }
    return CheckpointCodec.decode(file, contents, fingerprint);
  }

  /**
   * The newest checkpoint that is readable and verifies; damaged newer ones (UNREADABLE, CHECKSUM)
   * are passed over and listed in {@link Loaded#skipped()}.
   *
   * @throws CheckpointException INCOMPATIBLE as soon as an intact file belongs to another model or
   *     optimizer, NONE_FOUND when no file is usable
   */
  public Loaded newest(String fingerprint) throws IOException {
    List<Path> files = new ArrayList<>(list());
    List<String> skipped = new ArrayList<>();
    for (int i = files.size() - 1; i >= 0; i--) {
      try {
        return new Loaded(files.get(i), read(files.get(i), fingerprint), List.copyOf(skipped));
      } catch (CheckpointException e) {
        if (e.kind() == Kind.INCOMPATIBLE) throw e;
        skipped.add(e.getMessage());
      }
    }
    throw new CheckpointException(dir, Kind.NONE_FOUND, files.isEmpty()
        ? "no checkpoint files (ckpt-<step>.safetensors) here; check the directory, or start a new run"
        : "none of the " + files.size() + " checkpoints is usable: " + String.join(" | ", skipped));
  }

  private static long step(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) throw new IllegalStateException("not a checkpoint file name: " + file);
    return Long.parseLong(m.group(1));
  }
}
