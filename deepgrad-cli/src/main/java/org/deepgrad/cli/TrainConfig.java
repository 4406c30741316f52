package org.deepgrad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code deepgrad train} needs, resolved and validated: {@link Defaults}, then the
 * {@link Preset} (named, or implied when no model is described), overridden by the YAML config file,
 * overridden by the flags ({@link TrainOptions}). The file has an optional {@code preset} and one
 * mapping per section, with the keys each section's record documents:
 *
 * <pre>
 * preset:    main                     (the main job's model keys; see Preset)
 * data:      {dataset: mnist-10k, validation: 0.1}
 * model:     {hidden: 128,64,32, activation: relu, batch_norm: true, dropout: 0.2}   or {layers: [...]}
 * optimizer: {name: adam, lr: 1e-3, betas: [0.9, 0.999], groups: [{params: bias, weight_decay: 0}]}
 * schedule:  warmup:500,cosine            (or {spec: [warmup:500, cosine], unit: batch})
 * training:  {epochs: 15, batch_size: 64, seed: 42, clip_norm: 1.0}
 * output:    {dir: runs/mnist, checkpoint_every: 500steps}
 * </pre>
 *
 * Unknown keys, wrong types and values out of range are {@link UsageException}s naming the key
 * (and the flag, when a flag gave the value), the allowed values, and for a typo the nearest key.
 * Relative paths, in the file as on the command line, start at the current directory.
 */
public record TrainConfig(DataConfig data, ModelConfig model, OptimizerConfig optimizer, ScheduleConfig schedule,
    TrainingConfig training, OutputConfig output, Preset preset) {
  /** The top-level sections. */
  public static final List<String> SECTIONS = List.of("data", "model", "optimizer", "schedule", "training", "output");
  /** The top-level keys: the preset and the sections. */
  static final List<String> KEYS = List.of(Preset.KEY, "data", "model", "optimizer", "schedule", "training", "output");

  /**
   * The configuration of {@code file} (null: none) with {@code flags} applied.
   *
   * @param clock the time that names the default output directory
   * @throws UsageException for any bad key or value, or a missing or malformed file
   */
  public static TrainConfig load(Path file, TrainOptions flags, Clock clock) {
    return load(file, flags, clock, true);
  }

  /**
   * As {@link #load}, but with the {@code output} section of the file and the output flags left out
   * (so the defaults): for {@code diagnose}, which writes no run, so that the {@code config.yaml} of
   * an existing run can be probed.
   */
  static TrainConfig loadWithoutOutput(Path file, TrainOptions flags, Clock clock) {
    return load(file, flags, clock, false);
  }

  private static TrainConfig load(Path file, TrainOptions flags, Clock clock, boolean output) {
    ObjectNode tree = file == null ? JsonNodeFactory.instance.objectNode() : ConfigFiles.read(file);
    expandShorthands(tree);
    Map<String, String> flagOf = new HashMap<>();
    flags.applyTo(tree, flagOf);
    if (!output) tree.remove("output");
    return read(new ConfigNode(tree, "", flagOf), clock);
  }

  /**
   * The configuration in {@code tree}, a tree with the sections above as a config file gives them
   * (shorthands allowed), without flags; for {@code deepgrad sweep}, which builds one tree per cell.
   * Relative output and data paths start at the current directory.
   *
   * @throws UsageException for any bad key or value, naming its key path
   */
  public static TrainConfig fromTree(ObjectNode tree, Clock clock) {
    expandShorthands(tree);
    return read(new ConfigNode(tree, "", Map.of()), clock);
  }

  /** The configuration in {@code root}, a tree with the sections above. */
  static TrainConfig read(ConfigNode root, Clock clock) {
    root.allowOnly(KEYS);
    Preset preset = Preset.of(root);
    DataConfig data = DataConfig.read(root.section("data"));
    TrainingConfig training = TrainingConfig.read(root.section("training"));
    if (training.earlyStopping() > 0 && data.validation() == 0) {
      throw new UsageException(root.section("training").describe("early_stopping") + " = " + training.earlyStopping()
          + ": early stopping watches the validation loss, so it needs a validation split; give --validation "
          + "FRACTION (data.validation), e.g. 0.1.");
    }
    return new TrainConfig(data, ModelConfig.read(root.section("model"), preset, root.describe(Preset.KEY)),
        OptimizerConfig.read(root.section("optimizer")), ScheduleConfig.read(root.section("schedule")), training,
        OutputConfig.read(root.section("output"), clock), preset);
  }

  /**
   * Rewrites the shorthands of {@code tree} in place: {@code optimizer: adam} means
   * {@code optimizer: {name: adam}}; {@code schedule: SPEC} means {@code {spec: SPEC}}.
   */
  public static void expandShorthands(ObjectNode tree) {
    JsonNode optimizer = tree.get("optimizer");
    if (optimizer != null && optimizer.isTextual()) tree.putObject("optimizer").set("name", optimizer);
    JsonNode schedule = tree.get("schedule");
    if (schedule != null && (schedule.isTextual() || schedule.isArray())) tree.putObject("schedule").set("spec", schedule);
  }
}
