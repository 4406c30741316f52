package org.deepgrad.run.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.deepgrad.diagnostics.Recorder;

/**
 * The {@code output} section: where the run writes ({@code dir/metrics.jsonl}, {@code dir/model.*},
 * {@code dir/checkpoints/}), whether it continues an earlier run there, and how it reports.
 *
 * @param dir the run directory; default {@code runs/YYYYMMDD-HHMMSS} under the current directory, chosen when
 *     the configuration is loaded with a clock or when it runs (null until then)
 * @param resume continue the run in {@code dir} from its newest valid checkpoint
 * @param progress draw a progress bar when the output is a terminal (otherwise plain log lines)
 * @param logEvery steps between two log lines and two metrics.jsonl step records
 * @param checkpointEvery how often a checkpoint is written (default every epoch)
 * @param keepCheckpoints how many of the newest checkpoints are kept
 * @param diagnose sample gradient-flow statistics during the run (default on; {@code dir/diagnostics.jsonl}),
 *     list the findings at the end ({@code dir/diagnostics.json}) and chart them in the report; see
 *     docs/diagnostics.md and docs/reports.md
 * @param diagnoseEvery with {@code diagnose}, sample every this many steps (default
 *     {@value org.deepgrad.diagnostics.Recorder#DEFAULT_EVERY}, 1–3% of a step in steady state, measured by bench --diagnose)
 */
public record OutputConfig(Path dir, boolean resume, boolean progress, int logEvery, Interval checkpointEvery,
    int keepCheckpoints, boolean diagnose, int diagnoseEvery) {
  static final List<String> KEYS = List.of("dir", "resume", "progress", "log_every", "checkpoint_every",
      "keep_checkpoints", "diagnose", "diagnose_every");

  static OutputConfig read(ConfigNode n, Clock clock) {
    n.allowOnly(KEYS);
    boolean resume = n.bool("resume", false);
    Path dir = n.has("dir") ? n.filePath("dir", n.text("dir", null)) : null;
    if (resume && (dir == null || !Files.isDirectory(dir))) {
      throw new RunException(n.describe("resume") + " continues the run in an existing output directory: "
          + (dir == null ? "give it with --out DIR" : "no such directory: " + dir.toAbsolutePath()) + ".");
    }
    return new OutputConfig(dir == null && clock != null ? Defaults.outDir(clock) : dir, resume, n.bool("progress", true),
        (int) n.whole("log_every", Defaults.LOG_EVERY, 1, Integer.MAX_VALUE), interval(n),
        (int) n.whole("keep_checkpoints", Defaults.KEEP_CHECKPOINTS, 1, 1_000_000), n.bool("diagnose", true),
        (int) n.whole("diagnose_every", Recorder.DEFAULT_EVERY, 1, Integer.MAX_VALUE));
  }

  private static Interval interval(ConfigNode n) {
    JsonNode v = n.raw("checkpoint_every");
    if (v == null) return new Interval(1, Interval.Unit.EPOCHS);
    try {
      return Interval.parse(v.asText());
    } catch (IllegalArgumentException e) {
      throw n.bad("checkpoint_every", e.getMessage());
    }
  }

  /** This section with {@code dir} as given; {@link TrainConfig#validated} checks it. */
  public OutputConfig withDir(Path dir) {
    return new OutputConfig(dir, resume, progress, logEvery, checkpointEvery, keepCheckpoints, diagnose, diagnoseEvery);
  }

  /** This section with {@code resume} as given; {@link TrainConfig#validated} checks it. */
  public OutputConfig withResume(boolean resume) {
    return new OutputConfig(dir, resume, progress, logEvery, checkpointEvery, keepCheckpoints, diagnose, diagnoseEvery);
  }

  /** This section with {@code progress} as given; {@link TrainConfig#validated} checks it. */
  public OutputConfig withProgress(boolean progress) {
    return new OutputConfig(dir, resume, progress, logEvery, checkpointEvery, keepCheckpoints, diagnose, diagnoseEvery);
  }

  /** This section with {@code logEvery} as given; {@link TrainConfig#validated} checks it. */
  public OutputConfig withLogEvery(int logEvery) {
    return new OutputConfig(dir, resume, progress, logEvery, checkpointEvery, keepCheckpoints, diagnose, diagnoseEvery);
  }

  /** This section with {@code checkpointEvery} as given; {@link TrainConfig#validated} checks it. */
  public OutputConfig withCheckpointEvery(Interval checkpointEvery) {
    return new OutputConfig(dir, resume, progress, logEvery, checkpointEvery, keepCheckpoints, diagnose, diagnoseEvery);
  }

  /** This section with {@code keepCheckpoints} as given; {@link TrainConfig#validated} checks it. */
  public OutputConfig withKeepCheckpoints(int keepCheckpoints) {
    return new OutputConfig(dir, resume, progress, logEvery, checkpointEvery, keepCheckpoints, diagnose, diagnoseEvery);
  }

  /** This section with {@code diagnose} as given; {@link TrainConfig#validated} checks it. */
  public OutputConfig withDiagnose(boolean diagnose) {
    return new OutputConfig(dir, resume, progress, logEvery, checkpointEvery, keepCheckpoints, diagnose, diagnoseEvery);
  }

  /** This section with {@code diagnoseEvery} as given; {@link TrainConfig#validated} checks it. */
  public OutputConfig withDiagnoseEvery(int diagnoseEvery) {
    return new OutputConfig(dir, resume, progress, logEvery, checkpointEvery, keepCheckpoints, diagnose, diagnoseEvery);
  }
}
