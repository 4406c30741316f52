package org.deepgrad.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Samples;
import org.deepgrad.nn.Dropout;
import org.deepgrad.nn.Module;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.StateDict;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.CheckpointException.Kind;

/**
 * The mutable state of a {@link Trainer}'s run beyond model, optimizer and loader (counters, the
 * epoch's metric sums, the best validation loss) and how all of it goes into a {@link Checkpoint}
 * and comes back.
 */
final class RunState<S extends Samples<S>> {
  private final Module model;
  private final Objective<S> objective;
  private final Optimizer optimizer;
  private final DataLoader<S> loader;
  final String fingerprint;
  final EarlyStopper watch;
  long step;
  long skipped;
  int backoffs;
  long savedStep = -1;
  NonFinite stoppedBy;
  Optional<Metrics> lastTrain = Optional.empty();
  Optional<Metrics> lastValidation = Optional.empty();
  private Tally<S> epochTally;
  private ReplicaSync replicas = ReplicaSync.SINGLE;

  RunState(Module model, Objective<S> objective, Optimizer optimizer, DataLoader<S> loader, EarlyStopping rule) {
    this.model = model;
    this.objective = objective;
    this.optimizer = optimizer;
    this.loader = loader;
    this.fingerprint = Checkpoint.fingerprint(model);
    this.watch = new EarlyStopper(rule);
    this.epochTally = objective.tally();
  }

  /** Sums each epoch's training metrics over the replicas of a data-parallel run (the default: one). */
  void syncWith(ReplicaSync sync) {
    this.replicas = sync;
  }

  /** Counts an update and adds its batch to the epoch's metrics; returns the step event. */
  StepEvent stepTaken(S batch, TrainStep.Outcome out, int epoch, double lr) {
    step++;
    Tally<S> one = objective.tally();
    one.add(out.output(), batch, out.loss());
    epochTally.add(out.output(), batch, out.loss());
    return new StepEvent(epoch, step, out.loss(), one.metrics().accuracy(), lr, batch.size(), out.gradNorm());
  }

  /** Applies the non-finite policy to {@code nf}; returns whether the run goes on. */
  boolean tolerate(NonFinite nf, TrainerSettings s, List<TrainListener> listeners) {
    NonFinitePolicy policy = s.nonFinite();
    if (policy == NonFinitePolicy.STOP || (policy == NonFinitePolicy.BACKOFF && backoffs >= s.maxBackoffs())) {
      stoppedBy = nf;
      return false;
    }
    skipped++;
    if (policy == NonFinitePolicy.BACKOFF) backoffs++;
    String message = nf + ": batch skipped" + (policy == NonFinitePolicy.BACKOFF
        ? ", learning rate halved (back-off " + backoffs + " of at most " + s.maxBackoffs() + ")" : "");
    for (TrainListener l : listeners) l.onWarning(message);
    return true;
  }

  /** Closes the epoch's training metrics; returns the epoch event. */
  EpochEvent epochEnded(int epoch, Optional<Metrics> validation) {
    double[][] replicaSums = replicas.gatherTallies(epochTally.sums());
    if (replicaSums.length > 1) {
      epochTally = objective.tally();
      for (double[] sums : replicaSums) epochTally.merge(sums);
    }
    Metrics train = epochTally.metrics();
    epochTally = objective.tally();
    lastTrain = Optional.of(train);
    if (validation.isPresent()) lastValidation = validation;
    return new EpochEvent(epoch, step, train, validation);
  }

  /** The whole state now; the model's tensors are live, so write it before the next update. */
  Checkpoint capture() {
    Map<String, long[]> rngs = new LinkedHashMap<>();
    generators().forEach((path, rng) -> rngs.put(path, rng.state()));
    return new Checkpoint(step, model.stateDict(), optimizer.stateDict(), loader.state(), rngs,
        new Checkpoint.Progress(skipped, backoffs, watch.bestLoss(), watch.bestEpoch(), watch.badEpochs()),
        epochTally.sums(), watch.bestModel());
  }

  /** Takes over checkpoint {@code c}, read from {@code file}; on error nothing is changed. */
  void apply(Path file, Checkpoint c) throws CheckpointException {
    Map<String, Rng> generators = generators();
    if (!generators.keySet().equals(c.rngs().keySet())) {
      throw new CheckpointException(file, Kind.INCOMPATIBLE, "it has dropout generators at " + c.rngs().keySet()
          + ", this model at " + generators.keySet() + "; resume with the model the run was started with");
    }
    Map<String, Tensor> own = model.stateDict();
    for (Map.Entry<String, Tensor> e : c.model().entrySet()) {
      Tensor mine = own.get(e.getKey());
      if (mine != null && !mine.shape().equals(e.getValue().shape())) {
        throw new CheckpointException(file, Kind.INCOMPATIBLE, "tensor 'model." + e.getKey() + "' has shape "
            + e.getValue().shape() + ", this model's " + mine.shape() + "; resume with the model the run was started with");
      }
    }
    if (!own.keySet().equals(c.model().keySet())) {
      throw new CheckpointException(file, Kind.INCOMPATIBLE, "it holds the tensors " + c.model().keySet()
          + ", this model " + own.keySet() + "; resume with the model the run was started with");
    }
    StateDict before = optimizer.stateDict();
    try {
      Tally<S> tally = objective.tally();
      tally.restore(c.epochSums());
      optimizer.loadStateDict(c.optimizer());
      try {
        loader.restore(c.loader());
      } catch (IllegalArgumentException e) {
        optimizer.loadStateDict(before);
        throw e;
      }
      epochTally = tally;
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(file, Kind.INCOMPATIBLE, "the checkpoint does not fit this run: " + e.getMessage(), e);
    }
    model.loadStateDict(c.model());
    generators.forEach((path, rng) -> rng.restore(c.rngs().get(path)));
    Checkpoint.Progress p = c.progress();
    watch.restore(p.bestLoss(), p.bestEpoch(), p.badEpochs(), c.bestModel());
    step = c.step();
    savedStep = step;
    skipped = p.skippedBatches();
    backoffs = p.backoffs();
  }

  /** Every dropout layer's generator by module path. */
  private Map<String, Rng> generators() {
    Map<String, Rng> out = new LinkedHashMap<>();
    model.namedModules().forEach((path, m) -> {
      if (m instanceof Dropout d && d.rng() != null) out.put(path, d.rng());
    });
    return out;
  }
}
