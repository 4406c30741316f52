package org.deepgrad.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deepgrad.io.FolderLock;
import org.deepgrad.io.FolderLockedException;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.Outputs;
import org.deepgrad.run.files.RunContents;

/**
 * A {@code train} run's output folder and the rules for writing into it, so that nothing a user
 * already has is lost:
 * <ul>
 *   <li>One process at a time: the run holds the folder's {@link FolderLock} from before its first
 *       write to its end; a second process (a second run, a {@code --resume}, {@code report}) is
 *       refused, naming the holder. The system releases the lock when the process dies, so a killed
 *       run can be resumed at once.
 *   <li>A new run needs a folder without any of the files a run writes ({@link RunContents#OUTPUTS}).
 *       A folder holding a run ({@link RunContents#MARKS}) is continued with {@code --resume}, or replaced with
 *       {@code --overwrite}, which deletes the earlier run's files first; other files are never touched.
 *   <li>{@code --resume} never trains over a finished model: a finished run (its {@code model.json}
 *       written) with the same settings has nothing left to do ({@link Plan#FINISHED}, exit 0, nothing
 *       written); with changed settings and {@code --allow-changes} it continues from its last
 *       checkpoint; without a checkpoint it is refused, as resuming would start afresh over it.
 *   <li>{@code --resume} keeps the run's settings: any change ({@link SettingsChange}) is refused
 *       unless {@code --allow-changes} is given, and then printed and recorded.
 *   <li>A new run that fails before its first step leaves no files behind ({@link #abandon}), so the
 *       same command can be run again.
 * </ul>
 * {@link #check} makes these checks without writing (for {@code --dry-run}, and to fail before the
 * data is loaded); {@link #open} makes them again holding the lock, then acts on them.
 */
public final class RunFolder implements AutoCloseable {
  /** What the user allowed on the command line beyond {@code --resume}. */
  public record Consent(boolean overwrite, boolean allowChanges) {
    public static final Consent NONE = new Consent(false, false);
  }

  /** What the run does with its folder. */
  public enum Plan {
    /** A new run in a folder holding none of a run's files. */
    FRESH,
    /** A new run over an earlier one, whose files are deleted first ({@code --overwrite}). */
    OVERWRITE,
    /** Continue from the newest checkpoint, or from the start when none was written yet. */
    RESUME,
    /** A finished run resumed with its own settings: nothing to do. */
    FINISHED
  }

  /**
   * The result of the checks.
   *
   * @param changes the settings {@code --resume --allow-changes} changes, one line each
   */
  public record Decision(Plan plan, List<String> changes) {}

  private final Path dir;
  private final FolderLock lock;
  private final Decision decision;
  private final boolean created;
  private boolean started;

  private RunFolder(Path dir, FolderLock lock, Decision decision, boolean created) {
    this.dir = dir;
    this.lock = lock;
    this.decision = decision;
    this.created = created;
  }

  /** The checks of the class comment for {@code c}'s output folder, without writing anything. */
  public static Decision check(TrainConfig c, Consent consent) throws IOException {
    return decide(c, consent, true);
  }

  /** The checks; {@code probeLock}: whether another process holding the folder is refused (not when this one holds it). */
  private static Decision decide(TrainConfig c, Consent consent, boolean probeLock) throws IOException {
    Path dir = c.output().dir();
    boolean resume = c.output().resume();
    if (consent.overwrite() && resume) {
      throw new RunException("--overwrite starts the run in " + dir + " again from scratch and --resume continues "
          + "it: give one of them.");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new RunException("cannot create the output directory " + dir + " (a file of that name is in the way); "
          + "choose another directory with --out DIR.");
    }
    if (!Files.isDirectory(dir)) return new Decision(Plan.FRESH, List.of());
    var holder = probeLock ? FolderLock.holder(dir) : Optional.<String>empty();
    if (holder.isPresent()) throw inUse(dir, holder.get(), resume);
    boolean holdsRun = RunContents.holdsRun(dir);
    List<String> outputs = RunContents.outputs(dir);
    boolean finished = RunContents.finished(dir);
    if (!resume || !holdsRun) {
      if (consent.overwrite()) return new Decision(outputs.isEmpty() ? Plan.FRESH : Plan.OVERWRITE, List.of());
      if (holdsRun) throw holdsRun(dir, finished);
      if (!outputs.isEmpty()) {
        throw new RunException(dir + " already has " + String.join(", ", outputs) + ", which a run writes, but holds "
            + "no run (no " + String.join(", ", RunContents.MARKS) + "): a run there would replace " + (outputs.size() == 1 ? "it"
            : "them") + ". Choose another directory with --out DIR (or move those files away).");
      }
      return new Decision(resume ? Plan.RESUME : Plan.FRESH, List.of());
    }
    Path config = dir.resolve(RunContents.CONFIG_FILE);
    if (finished && !Files.isRegularFile(config)) {
      throw new RunException("--resume: " + dir + " holds a finished run's model (" + ModelFiles.CARD + ") but no "
          + RunContents.CONFIG_FILE + ", so these settings cannot be checked against that run's, and resuming could train "
          + "another model over it. Choose another directory with --out DIR, or pass --overwrite instead of --resume "
          + "to replace it.");
    }
    List<String> changes = Files.isRegularFile(config) ? SettingsChange.between(config, c) : List.of();
    if (!changes.isEmpty() && !consent.allowChanges()) {
      throw new RunException("--resume: the run in " + dir + " was started with other settings than these: "
          + String.join("; ", changes) + ". A resumed run keeps its settings: give the same ones (e.g. 'deepgrad train "
          + config + " --resume'), or pass --allow-changes to continue with these.");
    }
    if (finished && changes.isEmpty()) return new Decision(Plan.FINISHED, List.of());
    if (finished && !RunContents.hasCheckpoint(dir) && !RunContents.hasReplicaCheckpoint(dir)) {
      throw new RunException("--resume: " + dir + " holds a finished run's model (" + ModelFiles.CARD + ") and no "
          + "checkpoint to continue from, so resuming would train a new model from scratch over it. Choose another "
          + "directory with --out DIR, or pass --overwrite instead of --resume to replace that run.");
    }
    return new Decision(Plan.RESUME, changes);
  }

  /**
   * Opens {@code c}'s output folder for a run: creates it, takes its lock, makes the checks again
   * (another process may have written there since) and, for {@link Plan#OVERWRITE}, deletes the
   * earlier run's files. {@link #close} releases the folder.
   */
  static RunFolder open(TrainConfig c, Consent consent) throws IOException {
    Path dir = c.output().dir();
    decide(c, consent, true); // refuse before anything is created
    boolean created = !Files.isDirectory(dir);
    Outputs.createDirectory(dir, "--out");
    FolderLock lock;
    try {
      lock = FolderLock.acquire(dir, "deepgrad train --out " + dir);
    } catch (FolderLockedException e) {
      throw inUse(dir, e.holder(), c.output().resume());
    }
    try {
      Decision d = decide(c, consent, false);
      if (d.plan() == Plan.OVERWRITE) RunContents.deleteOutputs(dir);
      return new RunFolder(dir, lock, d, created);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** What the checks under the lock decided. */
  Decision decision() {
    return decision;
  }

  /** Marks the run as begun (its first step is taken, or it ended): from now on its files are kept. */
  void started() {
    started = true;
  }

  /**
   * Removes what a new run wrote when it fails before {@link #started}: its files, and the folder
   * itself when the run created it and nothing else is in it. A resumed run's files are kept.
   */
  void abandon() throws IOException {
    if (started || decision.plan() == Plan.RESUME || decision.plan() == Plan.FINISHED) return;
    RunContents.deleteOutputs(dir);
    if (!created) return;
    try (Stream<Path> s = Files.list(dir)) {
      if (s.anyMatch(f -> !f.getFileName().toString().equals(FolderLock.FILE))) return;
    }
    Files.deleteIfExists(dir.resolve(FolderLock.FILE));
    lock.close();
    Files.deleteIfExists(dir);
  }

  /** Releases the folder. */
  @Override
  public void close() throws IOException {
    lock.close();
  }

  /** The refusal for a folder another process holds. */
  static RunException inUse(Path dir, String holder, boolean resume) {
    return new RunException(resume ? "--resume: " + dir + " is in use by " + holder + "; a run folder belongs to "
        + "one process at a time. Wait for that process to end, or stop it, then resume."
        : dir + " is in use by " + holder + "; a run folder belongs to one process at a time. Choose another "
        + "directory with --out DIR, or wait for that process to end.");
  }

  private static RunException holdsRun(Path dir, boolean finished) {
    return new RunException(finished
        ? "--out " + dir + " holds a finished run (its model is in " + dir.resolve(ModelFiles.CARD) + "); a new run "
            + "would replace it. Choose another directory with --out DIR, or pass --overwrite to delete that run and "
            + "train afresh."
        : "--out " + dir + " already holds a run; pass --resume to continue it, --overwrite to delete it and train "
            + "afresh, or choose another directory with --out DIR.");
  }
}
