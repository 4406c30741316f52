package org.deepgrad.run.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import org.deepgrad.train.NonFinitePolicy;

/**
 * The {@code training} section: how long, in what batches, and with which regularisation and
 * clipping. A value of 0 turns an optional feature off.
 *
 * @param epochs passes over the training split (>= 1)
 * @param maxSteps stop after this many batches in all, whichever of the two comes first (0: no limit)
 * @param batchSize samples per batch, or {@link #FULL_BATCH} for full-batch gradient descent
 * @param seed the seed of initialisation, shuffling, dropout and synthetic data
 * @param threads compute threads (0: the backend's default, {@code -Ddeepgrad.threads} or all processors)
 * @param l2 the coefficient λ of an explicit penalty λ/2·Σw² added to the loss (0: none)
 * @param clipNorm clip the global gradient norm to this (0: no clipping)
 * @param clipValue clip every gradient element to [-v, v] (0: no clipping)
 * @param weightClip clamp every parameter (biases and norm scales too, as WGAN) to [-c, c] after each step (0: no clipping)
 * @param earlyStopping stop after this many epochs without a better validation loss (0: never)
 * @param nonFinite what a NaN or infinite loss or gradient does: stop (default), skip the batch, or
 *     backoff (skip it and halve the learning rate, at most 5 times)
 */
public record TrainingConfig(int epochs, long maxSteps, int batchSize, long seed, int threads, double l2,
    double clipNorm, double clipValue, double weightClip, int earlyStopping, NonFinitePolicy nonFinite) {
  /** The non-finite policies by config name. */
  public static final List<String> NON_FINITE = List.of("stop", "skip", "backoff");
  /** The {@link #batchSize} of full-batch training (every sample in one batch): {@code batch_size: full}. */
  public static final int FULL_BATCH = 0;
  static final List<String> KEYS = List.of("epochs", "max_steps", "batch_size", "seed", "threads", "l2",
      "clip_norm", "clip_value", "weight_clip", "early_stopping", "non_finite");

  /** Whether every batch is the whole training split. */
  public boolean fullBatch() {
    return batchSize == FULL_BATCH;
  }

  static TrainingConfig read(ConfigNode n) {
    n.allowOnly(KEYS);
    return new TrainingConfig((int) n.whole("epochs", Defaults.EPOCHS, 1, 1_000_000),
        n.whole("max_steps", 0, 0, Long.MAX_VALUE), batchSize(n), n.whole("seed", Defaults.SEED, 0, Long.MAX_VALUE),
        (int) n.whole("threads", 0, 0, 4096), n.number("l2", 0, Range.atLeast(0)), optionalPositive(n, "clip_norm"),
        optionalPositive(n, "clip_value"), optionalPositive(n, "weight_clip"),
        (int) n.whole("early_stopping", 0, 0, 1_000_000),
        NonFinitePolicy.valueOf(n.choice("non_finite", "stop", NON_FINITE).toUpperCase(Locale.ROOT)));
  }

  private static int batchSize(ConfigNode n) {
    JsonNode v = n.raw("batch_size");
    if (v != null && v.isTextual() && v.asText().trim().equalsIgnoreCase("full")) return FULL_BATCH;
    if (v != null && !v.isIntegralNumber() && !(v.isTextual() && v.asText().trim().matches("\\d+"))) {
      throw n.bad("batch_size", "must be a whole number >= 1, or full for full-batch gradient descent");
    }
    return (int) n.whole("batch_size", Defaults.BATCH_SIZE, 1, Integer.MAX_VALUE);
  }

  /** A value that turns a feature on when > 0; absent or 0 is off. */
  private static double optionalPositive(ConfigNode n, String key) {
    return n.number(key, 0, Range.atLeast(0));
  }

  /** This section with {@code epochs} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withEpochs(int epochs) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code maxSteps} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withMaxSteps(long maxSteps) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code batchSize} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withBatchSize(int batchSize) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code seed} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withSeed(long seed) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code threads} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withThreads(int threads) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code l2} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withL2(double l2) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code clipNorm} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withClipNorm(double clipNorm) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code clipValue} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withClipValue(double clipValue) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code weightClip} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withWeightClip(double weightClip) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code earlyStopping} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withEarlyStopping(int earlyStopping) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }

  /** This section with {@code nonFinite} as given; {@link TrainConfig#validated} checks it. */
  public TrainingConfig withNonFinite(NonFinitePolicy nonFinite) {
    return new TrainingConfig(epochs, maxSteps, batchSize, seed, threads, l2, clipNorm, clipValue, weightClip, earlyStopping, nonFinite);
  }
}
