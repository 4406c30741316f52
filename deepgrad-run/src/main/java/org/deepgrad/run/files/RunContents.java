package org.deepgrad.run.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.io.FolderLock;
import org.deepgrad.io.ModelFiles;

/**
 * What a {@code train} run's folder holds, by file name: whether a folder holds a run (one of
 * {@link #MARKS}), whether it finished ({@code model.json}), and which files are a run's
 * ({@link #OUTPUTS}), so that other commands never write over them ({@code RunFolder} decides what
 * {@code train} itself may do).
 */
public final class RunContents {
  /** The run's configuration, as {@code ConfigPrinter} writes it. */
  public static final String CONFIG_FILE = "config.yaml";
  /** The folder of the run's checkpoints. */
  public static final String CHECKPOINTS = "checkpoints";
  /** The start of a replica's checkpoint folder's name in {@link #CHECKPOINTS}. */
  private static final String REPLICA = "replica-";
  /** The run's report page. */
  public static final String REPORT = "report.html";
  /** The folder of the report's charts. */
  public static final String CHARTS = "charts";
  /** The files and folders whose presence marks a folder as holding a run. */
  public static final List<String> MARKS = List.of(CHECKPOINTS, MetricsLog.FILE, ModelFiles.CARD);
  /** Everything a run writes in its folder. */
  public static final List<String> OUTPUTS = List.of(CONFIG_FILE, MetricsLog.FILE, ModelFiles.WEIGHTS,
      ModelFiles.CARD, Diagnosis.FILE, HistoryLog.FILE, REPORT, CHARTS, CHECKPOINTS);

  private RunContents() {}

  /** Whether {@code dir} holds a run (one of {@link #MARKS}). */
  public static boolean holdsRun(Path dir) {
    return MARKS.stream().anyMatch(n -> Files.exists(dir.resolve(n)));
  }

  /** Whether the run in {@code dir} finished: its model is saved. */
  public static boolean finished(Path dir) {
    return Files.exists(dir.resolve(ModelFiles.CARD));
  }

  /** The {@link #OUTPUTS} present in {@code dir}, in that order. */
  public static List<String> outputs(Path dir) {
    List<String> out = new ArrayList<>();
    for (String n : OUTPUTS) if (Files.exists(dir.resolve(n))) out.add(n);
    return out;
  }

  /** Whether {@code dir}'s checkpoints folder holds a checkpoint file. */
  public static boolean hasCheckpoint(Path dir) throws IOException {
    return holdsCheckpoint(dir.resolve(CHECKPOINTS));
  }

  /** Whether a replica's checkpoint folder in {@code dir} ({@link #replicaCheckpoints}) holds a checkpoint file. */
  public static boolean hasReplicaCheckpoint(Path dir) throws IOException {
    for (int r : replicas(dir)) {
      if (holdsCheckpoint(replicaCheckpoints(dir, r))) return true;
    }
    return false;
  }

  /** Whether the folder {@code checkpoints} exists and holds a checkpoint file. */
  public static boolean holdsCheckpoint(Path checkpoints) throws IOException {
    if (!Files.isDirectory(checkpoints)) return false;
    try (Stream<Path> s = Files.list(checkpoints)) {
      return s.anyMatch(f -> f.getFileName().toString().endsWith(".safetensors"));
    }
  }


  /**
   * The checkpoint folder of replica {@code r} of a run trained on a cluster, {@code DIR/checkpoints/replica-R}:
   * each replica keeps its own (its data order and dropout generators are its own).
   */
  public static Path replicaCheckpoints(Path dir, int r) {
    return dir.resolve(CHECKPOINTS).resolve(REPLICA + r);
  }

  /** The replicas that have a checkpoint folder in {@code dir} ({@link #replicaCheckpoints}), in order; empty for a local run. */
  public static List<Integer> replicas(Path dir) throws IOException {
    Path checkpoints = dir.resolve(CHECKPOINTS);
    if (!Files.isDirectory(checkpoints)) return List.of();
    try (Stream<Path> s = Files.list(checkpoints)) {
      return s.map(p -> p.getFileName().toString()).filter(f -> f.matches(REPLICA + "\\d{1,9}"))
          .map(f -> Integer.parseInt(f.substring(REPLICA.length()))).sorted().toList();
    }
  }

  /**
   * How to name {@code file} when a run wrote it, or its lock file: "the run's model.json in DIR",
   * "in the checkpoints folder of the run in DIR"; null for any other file.
   */
  public static String runFile(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    String name = abs.getFileName().toString();
    if (holdsRun(dir) && (OUTPUTS.contains(name) || name.equals(FolderLock.FILE))) {
      return "the run's " + name + " in " + dir;
    }
    Path run = dir.getParent();
    String folder = dir.getFileName() == null ? "" : dir.getFileName().toString();
    if (run != null && holdsRun(run) && (folder.equals(CHECKPOINTS) || folder.equals(CHARTS))) {
      return "in the " + folder + " folder of the run in " + run;
    }
    return null;
  }

  /** Deletes every run output in {@code dir}, and the temporary files of dead writers there; nothing else. */
  public static void deleteOutputs(Path dir) throws IOException {
    for (String name : OUTPUTS) {
      Path p = dir.resolve(name);
      if (!Files.exists(p)) continue;
      try (Stream<Path> s = Files.walk(p)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
      }
    }
    AtomicFiles.removeStaleTemps(dir);
  }
}
