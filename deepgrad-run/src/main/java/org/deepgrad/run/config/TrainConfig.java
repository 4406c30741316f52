package org.deepgrad.run.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything {@code deepgrad train} needs, resolved and validated: {@link Defaults}, then the
 * {@link Preset} (named, or implied when no model is described), overridden by the YAML config file,
 * overridden by the flags (each a {@link Setting}). The file has an optional {@code preset} and one
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
 * Unknown keys, wrong types and values out of range are {@link RunException}s naming the key
 * (and the flag, when a flag gave the value), the allowed values, and for a typo the nearest key.
 * Relative paths, in the file as on the command line, start at the current directory.
 *
 * <p>A Java program builds one from {@link #mainJob()} (or {@link #plain()}) with the withers of each
 * section, and {@link #validated()} checks it as a config file is checked, naming the key of any bad
 * value. {@link ConfigPrinter} writes it as YAML (a run's {@code config.yaml}), and reading that back
 * ({@link #read}) gives an equal value.
 *
 * <pre>{@code
 * TrainConfig c = TrainConfig.plain()
 *     .withModel(ModelConfig.mlp(256, 256).withActivation("tanh"))
 *     .withOptimizer(OptimizerConfig.of("sgd").withLr(0.1))
 *     .withTraining(t -> t.withEpochs(5).withBatchSize(32))
 *     .withOutput(o -> o.withDir(Path.of("runs/tanh")))
 *     .validated();
 * }</pre>
 *
 * @param preset the preset the model's keys started from, or null
 */
public record TrainConfig(DataConfig data, ModelConfig model, OptimizerConfig optimizer, ScheduleConfig schedule,
    TrainingConfig training, OutputConfig output, Preset preset) {
  /** The top-level sections. */
  public static final List<String> SECTIONS = List.of("data", "model", "optimizer", "schedule", "training", "output");
  /** The top-level keys: the preset and the sections. */
  static final List<String> KEYS = List.of(Preset.KEY, "data", "model", "optimizer", "schedule", "training", "output");

  /**
   * A value given for one key from outside the file, as a flag gives it: {@code --lr 0.1} is
   * {@code new Setting("--lr", "optimizer.lr", 0.1)}; messages about the value name the flag.
   *
   * @param key the section and key, e.g. {@code optimizer.lr}, or {@code preset}
   * @param value a String, Boolean, Long or Double, as the file's YAML would give it
   */
  public record Setting(String flag, String key, Object value) {}

  /** The main job: every default, the model of the {@link Preset#MAIN} preset, the output folder chosen when it runs. */
  public static TrainConfig mainJob() {
    return read(new ConfigNode(JsonNodeFactory.instance.objectNode(), "", Map.of()), null);
  }

  /** Every default with a plain MLP (no batch norm, no dropout, torch's init): what a config with a model section starts from. */
  public static TrainConfig plain() {
    return mainJob().withPreset(null).withModel(ModelConfig.mlp(Defaults.HIDDEN));
  }

  /**
   * The configuration of {@code file} (null: none) with {@code settings} applied over it.
   *
   * @param clock the time that names the default output directory
   * @throws RunException for any bad key or value, or a missing or malformed file
   */
  public static TrainConfig load(Path file, List<Setting> settings, Clock clock) {
    return load(file, settings, clock, true);
  }

  /**
   * The configuration in the config file {@code file}, such as a run's {@code config.yaml}: as
   * {@link #load} without settings, the output folder left unset (chosen when it runs) when the file has none.
   */
  public static TrainConfig read(Path file) {
    return load(file, List.of(), null, true);
  }

  /**
   * As {@link #load}, but with the {@code output} section of the file and the output flags left out
   * (so the defaults): for {@code diagnose}, which writes no run, so that the {@code config.yaml} of
   * an existing run can be probed.
   */
  public static TrainConfig loadWithoutOutput(Path file, List<Setting> settings, Clock clock) {
    return load(file, settings, clock, false);
  }

  private static TrainConfig load(Path file, List<Setting> settings, Clock clock, boolean output) {
    ObjectNode tree = file == null ? JsonNodeFactory.instance.objectNode() : ConfigFiles.read(file);
    expandShorthands(tree);
    Map<String, String> flagOf = new HashMap<>();
    for (Setting s : settings) apply(tree, s, flagOf);
    if (!output) tree.remove("output");
    return read(new ConfigNode(tree, "", flagOf), clock);
  }

  /** Writes {@code s} into {@code tree} at its key, recording in {@code flagOf} which flag set which key. */
  private static void apply(ObjectNode tree, Setting s, Map<String, String> flagOf) {
    String[] path = s.key().split("\\.");
    ObjectNode target = tree;
    if (path.length == 2) {
      JsonNode section = tree.get(path[0]);
      if (section != null && !section.isNull() && !section.isObject()) {
        throw new RunException("`" + path[0] + "` = " + section + ": must be a mapping of keys to values.");
      }
      target = section instanceof ObjectNode o ? o : tree.putObject(path[0]);
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    Object v = s.value();
    target.set(path[path.length - 1], v instanceof Boolean b ? f.booleanNode(b) : v instanceof Long l ? f.numberNode(l)
        : v instanceof Integer i ? f.numberNode(i) : v instanceof Double d ? f.numberNode(d) : f.textNode(v.toString()));
    flagOf.put(s.key(), s.flag());
  }

  /**
   * The configuration in {@code tree}, a tree with the sections above as a config file gives them
   * (shorthands allowed), without flags; for {@code deepgrad sweep}, which builds one tree per cell.
   * Relative output and data paths start at the current directory.
   *
   * @throws RunException for any bad key or value, naming its key path
   */
  public static TrainConfig fromTree(ObjectNode tree, Clock clock) {
    expandShorthands(tree);
    return read(new ConfigNode(tree, "", Map.of()), clock);
  }

  /**
   * The configuration in the YAML text {@code yaml}, as {@link ConfigPrinter#yaml} writes it (a run's
   * {@code config.yaml}): what a cluster's executors build a run from. Read as {@link #read} reads a file.
   *
   * @throws RunException for any bad key or value, naming its key path
   */
  public static TrainConfig fromYaml(String yaml) {
    return fromTree(ConfigFiles.parse(yaml, RUN_TEXT), null);
  }

  /** How errors name the text {@link #fromYaml} reads. */
  private static final String RUN_TEXT = "(the run's configuration as text)";

  /**
   * This configuration with its relative paths (the output folder, the data file or directory)
   * resolved against the current directory, so that another process started elsewhere (a cluster's
   * executor) finds the same files.
   */
  public TrainConfig withAbsolutePaths() {
    DataConfig d = data;
    DataConfig absData = new DataConfig(d.dataset(), absolute(d.path()), absolute(d.dataDir()), d.download(),
        d.validation(), d.standardize(), d.csv(), d.synthetic());
    return withData(absData).withOutput(o -> o.withDir(absolute(o.dir())));
  }

  private static Path absolute(Path p) {
    return p == null ? null : p.toAbsolutePath().normalize();
  }

  /**
   * This configuration checked as a config file is: written out ({@link ConfigPrinter#tree}) and read
   * back, so that every rule of the sections holds and a bad value is named by its key. Returns the
   * value read, equal to this one when it was valid.
   *
   * @throws RunException naming the first key whose value is not allowed, and how to fix it
   */
  public TrainConfig validated() {
    return fromTree(ConfigPrinter.tree(this), null);
  }

  /** This configuration with its output folder chosen: {@code runs/YYYYMMDD-HHMMSS} at {@code clock}'s time when unset. */
  public TrainConfig withOutputDirChosen(Clock clock) {
    return output.dir() != null ? this : withOutput(o -> o.withDir(Defaults.outDir(clock)));
  }

  public TrainConfig withData(DataConfig data) {
    return new TrainConfig(data, model, optimizer, schedule, training, output, preset);
  }

  public TrainConfig withData(UnaryOperator<DataConfig> change) {
    return withData(change.apply(data));
  }

  /** This configuration with {@code model}; the {@link #preset} stays (set it to null for a model of its own). */
  public TrainConfig withModel(ModelConfig model) {
    return new TrainConfig(data, model, optimizer, schedule, training, output, preset);
  }

  public TrainConfig withModel(UnaryOperator<ModelConfig> change) {
    return withModel(change.apply(model));
  }

  public TrainConfig withOptimizer(OptimizerConfig optimizer) {
    return new TrainConfig(data, model, optimizer, schedule, training, output, preset);
  }

  public TrainConfig withOptimizer(UnaryOperator<OptimizerConfig> change) {
    return withOptimizer(change.apply(optimizer));
  }

  public TrainConfig withSchedule(ScheduleConfig schedule) {
    return new TrainConfig(data, model, optimizer, schedule, training, output, preset);
  }

  public TrainConfig withTraining(TrainingConfig training) {
    return new TrainConfig(data, model, optimizer, schedule, training, output, preset);
  }

  public TrainConfig withTraining(UnaryOperator<TrainingConfig> change) {
    return withTraining(change.apply(training));
  }

  public TrainConfig withOutput(OutputConfig output) {
    return new TrainConfig(data, model, optimizer, schedule, training, output, preset);
  }

  public TrainConfig withOutput(UnaryOperator<OutputConfig> change) {
    return withOutput(change.apply(output));
  }

  /** This configuration marked as starting from {@code preset} (null: none); the model's keys are not changed. */
  public TrainConfig withPreset(Preset preset) {
    return new TrainConfig(data, model, optimizer, schedule, training, output, preset);
  }

  /** The configuration in {@code root}, a tree with the sections above; {@code clock} null leaves an unset output folder unset. */
  static TrainConfig read(ConfigNode root, Clock clock) {
    root.allowOnly(KEYS);
    Preset preset = Preset.of(root);
    DataConfig data = DataConfig.read(root.section("data"));
    TrainingConfig training = TrainingConfig.read(root.section("training"));
    if (training.earlyStopping() > 0 && data.validation() == 0) {
      throw new RunException(root.section("training").describe("early_stopping") + " = " + training.earlyStopping()
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
