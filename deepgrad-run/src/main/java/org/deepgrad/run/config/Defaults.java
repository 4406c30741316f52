package org.deepgrad.run.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Every default of {@code deepgrad train}, in one place; the model keys' are those of a plain MLP.
 * With no arguments it is the main job, these defaults with the {@link Preset#MAIN} model:
 *
 * <pre>
 * data       mnist-10k (first 8,000 digits train, last 2,000 test), pixels scaled to [0, 1]
 * model      784 → [Dense 128 → BatchNorm → ReLU → Dropout 0.2] → [… 64 …] → [… 32 …] → Dense 10
 *            (torch's default init; without the preset: no BatchNorm, no Dropout)
 * optimizer  Adam, lr 1e-3 (torch's defaults: betas 0.9/0.999, eps 1e-8), cosine annealing to 0 over the run
 * training   batch 64, {@value #EPOCHS} epochs, seed {@value #SEED}
 * output     runs/YYYYMMDD-HHMMSS/ under the current directory, a checkpoint every epoch
 * </pre>
 *
 * The tutorial articles put BatchNorm and Dropout 0.5 before each Dense layer, on the raw pixels
 * too; that costs several points of accuracy, so the default is the usual Dense → BatchNorm →
 * activation → Dropout order (Ioffe and Szegedy 2015 normalise the pre-activations).
 */
public final class Defaults {
  /** The built-in data set used when none is given. */
  public static final String DATASET = "mnist-10k";
  /** The hidden layer widths (the main job's). */
  public static final List<Integer> HIDDEN = List.of(128, 64, 32);
  /** The activation after each hidden layer. */
  public static final String ACTIVATION = "relu";
  /** Whether each hidden Dense layer is followed by BatchNorm (the main job's preset turns it on). */
  public static final boolean BATCH_NORM = false;
  /** The dropout probability after each hidden activation (the main job's preset: 0.2). */
  public static final double DROPOUT = 0;
  /** The optimizer preset (its lr default, 1e-3, is torch's). */
  public static final String OPTIMIZER = "adam";
  /**
   * The schedule spec: cosine annealing from the optimizer's lr to 0 over the run (Loshchilov and
   * Hutter 2017, without restarts); it gains the main job about half a point over a constant rate
   * (measured over four seeds). {@code --schedule constant} keeps the rate fixed.
   */
  public static final String SCHEDULE = "cosine";
  /** Mini-batch size. */
  public static final int BATCH_SIZE = 64;
  /** Epochs of the main job: >= 95% test accuracy on mnist-10k for every seed tried, in well under two minutes. */
  public static final int EPOCHS = 30;
  /** The seed of every random choice (initialisation, shuffling, dropout, synthetic data). */
  public static final long SEED = 42;
  /** Training steps between two log lines and two metrics.jsonl step records. */
  public static final int LOG_EVERY = 50;
  /** How many of the newest checkpoints are kept. */
  public static final int KEEP_CHECKPOINTS = 3;
  /** The parent of the default output directories, relative to the current directory. */
  public static final Path RUNS = Path.of("runs");

  private Defaults() {}

  /**
   * The default output directory: {@code runs/YYYYMMDD-HHMMSS} at the time {@code clock} reads, with
   * {@code -2}, {@code -3}, ... appended when a run started in the same second already has it.
   */
  public static Path outDir(Clock clock) {
    String name = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir = RUNS.resolve(name);
    for (int k = 2; Files.exists(dir); k++) dir = RUNS.resolve(name + "-" + k);
    return dir;
  }
}
