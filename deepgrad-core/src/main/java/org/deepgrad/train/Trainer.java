package org.deepgrad.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Samples;
import org.deepgrad.nn.Module;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.schedule.LrStepper;

/**
 * The training loop, Keras' {@code fit} with torch's explicit step inside:
 *
 * <pre>{@code
 * Trainer<Dataset> t = new Trainer<>(model, Objective.classification(), adam,
 *     DataLoader.miniBatch(train, 64, seed), test, TrainerSettings.defaults().withEpochs(20));
 * t.addListener(progress);
 * TrainResult r = t.fit();          // or: t.resume(dir); t.fit();
 * }</pre>
 *
 * Each batch: the schedule sets the learning rate {@code lr_g = schedule.lr(k, lr₀_g) · 2^−backoffs}
 * of every parameter group g (k = update or epoch count, lr₀ = the optimizer's rate when the trainer
 * was built), then {@link TrainStep} (beforeStep, forward in training mode, loss + L2, finite checks,
 * backward, afterBackward, clipping, optimizer step; a non-finite value goes to onNonFinite and the
 * non-finite policy instead). After an epoch's last batch: validation (evaluation
 * mode, no tape), early stopping, an epoch checkpoint if due. Then a step checkpoint if due, and the
 * limits: all epochs done, or {@code maxSteps} updates (possibly mid-epoch). A checkpoint holds all
 * the state of the loop, so {@link #resume} followed by {@link #fit()} continues bit-identically.
 *
 * @param <S> the data set type: {@code Dataset} or {@code Regression}
 */
public final class Trainer<S extends Samples<S>> {
  private final Module model;
  private final Objective<S> objective;
  private final Optimizer optimizer;
  private final DataLoader<S> loader;
  private final S validation;
  private final TrainerSettings settings;
  private final List<TrainListener> listeners = new ArrayList<>();
  private final TrainStep<S> trainStep;
  private final List<LrStepper> schedules = new ArrayList<>();
  private final RunState<S> state;
  private final CheckpointStore store;

  /**
   * A trainer; nothing runs until {@link #fit()}.
   *
   * @param optimizer built over {@code model}'s parameters
   * @param loader the training batches; training runs from its position to epoch {@code settings.epochs()}
   * @param validation evaluated after every epoch, or null (then early stopping is not allowed)
   */
  public Trainer(Module model, Objective<S> objective, Optimizer optimizer, DataLoader<S> loader, S validation,
      TrainerSettings settings) {
    if (settings.earlyStopping() != null && validation == null) {
      throw new IllegalArgumentException("early stopping watches the validation loss, but no validation set was"
          + " given; pass one, or turn early stopping off");
    }
    this.model = model;
    this.objective = objective;
    this.optimizer = optimizer;
    this.loader = loader;
    this.validation = validation;
    this.settings = settings;
    this.trainStep = new TrainStep<>(model, objective, optimizer, settings, listeners);
    this.state = new RunState<>(model, objective, optimizer, loader, settings.earlyStopping());
    this.store = settings.checkpointDir() == null ? null
        : new CheckpointStore(settings.checkpointDir(), settings.keepCheckpoints());
    for (int g = 0; g < optimizer.groupCount(); g++) {
      int group = g;
      schedules.add(new LrStepper(settings.schedule(), optimizer.lr(g), settings.scheduleUnit(),
          lr -> optimizer.setLr(group, Math.scalb(lr, -state.backoffs))));
    }
  }

  /**
   * Makes this trainer one replica of a data-parallel run: each step's gradients and each epoch's
   * training metrics are combined with the other replicas' through {@code sync}; returns this. Call
   * before {@link #fit()}. Early stopping is not allowed: each replica would judge on its own.
   */
  public Trainer<S> syncReplicas(ReplicaSync sync) {
    if (settings.earlyStopping() != null) {
      throw new IllegalArgumentException("early stopping is not available in a data-parallel run (each replica"
          + " would decide on its own); turn it off, or stop after a fixed number of epochs");
    }
    trainStep.syncWith(sync);
    state.syncWith(sync);
    return this;
  }

  /** Adds a listener, called after those added before; returns this. */
  public Trainer<S> addListener(TrainListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Trains from the current position (the start, or where {@link #resume} put it) until a stop
   * reason; writes a last checkpoint unless the stop was non-finite; with restore-best, loads the
   * best epoch's weights after that checkpoint.
   *
   * @throws CheckpointWriteException if a checkpoint cannot be written (the earlier ones are intact)
   */
  public TrainResult fit() throws IOException {
    model.train(true);
    for (TrainListener l : listeners) l.onStart(loader.epochIndex(), state.step);
    StopReason reason = null;
    while (reason == null) {
      if (loader.epochIndex() >= settings.epochs()) reason = StopReason.COMPLETED;
      else if (settings.maxSteps() > 0 && state.step >= settings.maxSteps()) reason = StopReason.MAX_STEPS;
      else reason = batch();
    }
    if (reason != StopReason.NON_FINITE && store != null) checkpoint();
    state.watch.restoreBest(model);
    EarlyStopper w = state.watch;
    TrainResult result = new TrainResult(reason, state.step, loader.epochIndex(), state.lastTrain,
        state.lastValidation, w.bestEpoch() < 0 ? OptionalDouble.empty() : OptionalDouble.of(w.bestLoss()),
        w.bestEpoch(), state.skipped, state.backoffs, Optional.ofNullable(state.stoppedBy));
    for (TrainListener l : listeners) l.onEnd(result);
    return result;
  }

  /** One batch and what follows it; returns a stop reason or null. */
  private StopReason batch() throws IOException {
    int epoch = loader.epochIndex();
    for (LrStepper s : schedules) s.apply(epoch, state.step);
    S batch = loader.next();
    TrainStep.Outcome out = trainStep.run(batch, state.step + 1);
    boolean updated = out.nonFinite() == null;
    if (updated) {
      StepEvent event = state.stepTaken(batch, out, epoch, optimizer.lr());
      for (TrainListener l : listeners) l.onStep(event);
    } else {
      NonFinite nf = new NonFinite(state.step + 1, epoch, out.nonFinite(), out.where());
      for (TrainListener l : listeners) l.onNonFinite(nf, out.loss(), optimizer.lr());
      if (!state.tolerate(nf, settings, listeners)) return StopReason.NON_FINITE;
    }
    StopReason reason = loader.batchIndex() == 0 ? endEpoch(epoch) : null;
    long every = settings.checkpointEverySteps();
    if (updated && every > 0 && state.step % every == 0) checkpoint();
    return reason;
  }

  private StopReason endEpoch(int epoch) throws IOException {
    Optional<Metrics> val = validation == null ? Optional.empty() : Optional.of(objective.evaluate(model, validation));
    EpochEvent event = state.epochEnded(epoch, val);
    boolean stop = val.isPresent() && state.watch.update(val.get().loss(), epoch, model);
    for (TrainListener l : listeners) l.onEpoch(event);
    int every = settings.checkpointEveryEpochs();
    if (every > 0 && (epoch + 1) % every == 0) checkpoint();
    return stop ? StopReason.EARLY_STOPPING : null;
  }

  /** Writes a checkpoint of the current step, unless one was already written (or resumed from) there. */
  private void checkpoint() throws IOException {
    if (state.savedStep == state.step) return;
    Path file;
    try {
      file = store.save(state.capture(), state.fingerprint);
    } catch (IOException e) {
      throw new CheckpointWriteException(settings.checkpointDir().resolve(CheckpointStore.fileName(state.step)), e);
    }
    state.savedStep = state.step;
    for (TrainListener l : listeners) l.onCheckpoint(file);
  }

  /**
   * Restores the newest usable checkpoint in {@code dir} into this trainer's model, optimizer, data
   * loader and dropout generators; the next {@link #fit()} continues that run. Damaged newer files are
   * passed over with a {@link TrainListener#onWarning} each (and listed in the result).
   *
   * @throws CheckpointException INCOMPATIBLE when the checkpoint belongs to another model, optimizer,
   *     loader or objective; NONE_FOUND when no file is usable
   */
  public CheckpointStore.Loaded resume(Path dir) throws IOException {
    CheckpointStore.Loaded loaded = new CheckpointStore(dir, settings.keepCheckpoints()).newest(state.fingerprint);
    for (String skipped : loaded.skipped()) {
      for (TrainListener l : listeners) l.onWarning("passed over a damaged checkpoint: " + skipped);
    }
    state.apply(loaded.file(), loaded.checkpoint());
    return loaded;
  }

  /** How many steps took the allocation-free buffered path (see {@link TrainStep}); for tests. */
  long bufferedSteps() {
    return trainStep.bufferedSteps();
  }
}
