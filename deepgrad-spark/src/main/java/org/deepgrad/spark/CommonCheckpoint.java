package org.deepgrad.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.train.CheckpointException;
import org.deepgrad.train.CheckpointStore;

/**
 * Where the replicas of a restarted run resume: the newest step of which every replica holds an
 * intact checkpoint (a replica lost while writing may lack the newest one, or hold it damaged). Each
 * replica deletes its checkpoints after that step, which no replica can resume from together with
 * the others (a checkpoint store deletes later steps on its next save anyway); then
 * {@code Trainer.resume} finds that step as the newest.
 */
final class CommonCheckpoint {
  private static final Pattern NAME = Pattern.compile("ckpt-(\\d{1,18})\\.safetensors");

  private CommonCheckpoint() {}

  /**
   * Agrees with the other replicas on the step to resume from and prepares {@code dir} for it;
   * returns the step, or -1 when there is none (the run starts from the beginning).
   *
   * @throws CheckpointException INCOMPATIBLE when an intact checkpoint belongs to another model
   */
  static long agree(Path dir, String fingerprint, Collective collective) throws IOException {
    AtomicFiles.removeStaleTemps(dir);
    List<Long> intact = new ArrayList<>();
    for (Path f : new CheckpointStore(dir, 1).list()) {
      try {
        CheckpointStore.read(f, fingerprint);
        intact.add(step(f));
      } catch (CheckpointException e) {
        if (e.kind() == CheckpointException.Kind.INCOMPATIBLE) throw e;
      }
    }
    String[] all = collective.allGather(String.join(",", intact.stream().map(String::valueOf).toList()));
    Set<Long> common = new HashSet<>(intact);
    for (String replica : all) {
      Set<Long> steps = new HashSet<>();
      for (String s : replica.split(",")) if (!s.isEmpty()) steps.add(Long.parseLong(s));
      common.retainAll(steps);
    }
    long step = common.stream().mapToLong(Long::longValue).max().orElse(-1);
    for (Path f : new CheckpointStore(dir, 1).list()) if (step(f) > step) Files.delete(f);
    return step;
  }

  private static long step(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) throw new IllegalStateException("not a checkpoint file name: " + file);
    return Long.parseLong(m.group(1));
  }
}
