package org.deepgrad.run;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.deepgrad.backend.Backends;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Samples;
import org.deepgrad.diagnostics.Setup;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.schedule.Schedules;
import org.deepgrad.optim.schedule.StepUnit;
import org.deepgrad.run.config.Interval;
import org.deepgrad.run.config.OutputConfig;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.config.TrainingConfig;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.tensor.Rng;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.EarlyStopping;
import org.deepgrad.train.Trainer;
import org.deepgrad.train.TrainerSettings;

/**
 * The objects of a run, built from a {@link TrainConfig} in one place so that {@code train} and
 * {@code diagnose} build the same ones, once its {@link Preflight} checks pass: the model from its spec
 * with the seed, the optimizer with its groups and weight clip ({@link org.deepgrad.run.config.OptimizerConfig#build}), the loader (full
 * batch, or shuffled with seed + 1, see {@link Batching}), the trainer settings, and the trainer.
 *
 * @param settings the trainer's settings: those of the config, as changed by the caller
 */
public record RunSetup<S extends Samples<S>>(TrainConfig config, RunData<S> data, Preflight preflight, Sequential model,
    Optimizer optimizer, DataLoader<S> loader, TrainerSettings settings, Trainer<S> trainer) {
  /** The data of {@code c}, split and preprocessed; sets the thread count first when the config gives one. */
  public static RunData<?> data(TrainConfig c) throws IOException {
    if (c.training().threads() > 0) Backends.current().setThreads(c.training().threads());
    return DataLoading.load(c.data(), c.training().seed());
  }

  /**
   * Builds the run of {@code c} on {@code data}; {@code adjust} changes the settings the config gives
   * (a diagnosis turns checkpoints off and limits the steps) before the trainer is built.
   */
  public static <S extends Samples<S>> RunSetup<S> build(TrainConfig c, RunData<S> data, UnaryOperator<TrainerSettings> adjust) {
    TrainingConfig t = c.training();
    Preflight checked = Preflight.of(c, data);
    Sequential model = checked.spec().build(new Rng(t.seed()));
    Optimizer optimizer = c.optimizer().build(model, t.weightClip());
    DataLoader<S> loader = checked.batching().loader(data.train(), t.seed() + 1);
    TrainerSettings settings = adjust.apply(settings(c, loader.batchesPerEpoch()));
    Trainer<S> trainer = new Trainer<>(model, data.objective(), optimizer, loader, data.validation(), settings);
    return new RunSetup<>(c, data, checked, model, optimizer, loader, settings, trainer);
  }

  /** The model's spec. */
  public ModelSpec spec() {
    return preflight.spec();
  }

  /**
   * The diagnostics of this run, sampling every {@code every} steps: told what the run already applies
   * ({@link #diagnosisSetup}) and given the training inputs, measured once. Build it before training.
   */
  public DiagnosticsListener diagnostics(int every) {
    return new DiagnosticsListener(model, every, settings, diagnosisSetup()).recordInputs(data.train().features());
  }

  /** What this run applies, for the remedies: optimizer, initializers, residual blocks, clipping, standardization. */
  public Setup diagnosisSetup() {
    return diagnosisSetup(optimizer, spec(), settings, data.standardizer() != null);
  }

  /**
   * What a run of {@code spec} with {@code optimizer} and {@code settings} applies, for the remedies;
   * {@code standardized}: whether its inputs are standardized. (A cluster's replica 0 asks it too.)
   */
  public static Setup diagnosisSetup(Optimizer optimizer, ModelSpec spec, TrainerSettings settings, boolean standardized) {
    boolean residual = spec.layers().stream().anyMatch(l -> l instanceof LayerSpec.Residual);
    return new Setup(optimizer.name(), spec.linearInits(), residual, settings.clipNorm(), standardized);
  }

  /** {@code model: 784-128-64-32-10 relu, ..., N parameters; optimizer: adam lr 0.001, schedule cosine}. */
  public String describe() {
    Map<String, Object> others = new LinkedHashMap<>(config.optimizer().hyper());
    others.remove("lr");
    return "model: " + spec().describe() + ", " + model.parameterCount() + " parameters; optimizer: " + optimizer.name()
        + " lr " + optimizer.lr() + (others.isEmpty() ? "" : " " + others) + ", schedule " + config.schedule().spec();
  }

  /**
   * The trainer settings of {@code c}: limits, L2, clipping, the schedule over the run's length
   * (epochs, or updates capped by max_steps), checkpoints in {@code OUT/checkpoints} (none
   * while the output folder is unset), early stopping
   * and the non-finite policy. (A cluster's replicas take theirs from it, with their own folders.)
   */
  public static TrainerSettings settings(TrainConfig c, int batchesPerEpoch) {
    TrainingConfig t = c.training();
    OutputConfig o = c.output();
    StepUnit unit = c.schedule().unit();
    long steps = unit == StepUnit.EPOCH ? t.epochs() : (long) t.epochs() * batchesPerEpoch;
    if (unit != StepUnit.EPOCH && t.maxSteps() > 0) steps = Math.min(steps, t.maxSteps());
    Interval every = o.checkpointEvery();
    boolean bySteps = every.unit() == Interval.Unit.STEPS;
    boolean saved = o.dir() != null; // no folder yet (a run not started by Training): no checkpoints
    return TrainerSettings.defaults().withEpochs(t.epochs()).withMaxSteps(t.maxSteps()).withL2(t.l2())
        .withClipping(t.clipNorm(), t.clipValue())
        .withSchedule(Schedules.parse(c.schedule().spec(), steps), unit)
        .withCheckpoints(saved ? o.dir().resolve(RunContents.CHECKPOINTS) : null, saved && bySteps ? every.count() : 0,
            saved && !bySteps ? (int) every.count() : 0, o.keepCheckpoints())
        .withEarlyStopping(t.earlyStopping() > 0 ? EarlyStopping.of(t.earlyStopping()) : null)
        .withNonFinite(t.nonFinite(), TrainerSettings.defaults().maxBackoffs());
  }
}
