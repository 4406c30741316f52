package org.deepgrad.train;

import java.util.List;
import java.util.Map;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.data.Samples;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.BufferedPass;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.ops.Arithmetic;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.clip.Clip;
import org.deepgrad.tensor.Tensor;

/**
 * One update on one batch: listeners' beforeStep, zero the gradients, forward, loss (+ L2 penalty), check it is finite,
 * backward, check every gradient is finite (and take the global norm), listeners' afterBackward,
 * clip by norm then by value, optimizer step (which applies its constraints). A non-finite value
 * returns before the update, leaving weights, optimizer state and batch-norm statistics as they were
 * (the generators of dropout advance as for any step), after a {@link PostMortem} that finds where the
 * first non-finite value arose.
 *
 * <p>Forward and backward take one of two paths with bit-identical results. The model's
 * {@link BufferedPass} with the objective's {@link BufferedLoss} runs on buffers reused from step to step and
 * allocates nothing; it is taken when the model and the objective have them, there is no L2 penalty,
 * and no hook (a module's forward hook, a parameter's gradient hook) wants to see the step; output
 * watches ({@link Module#watchOutput}, what diagnostics sample through) see both paths. Otherwise
 * the step is recorded on the autograd tape.
 */
public final class TrainStep<S extends Samples<S>> {
  /**
   * What happened: the batch's output and data loss; the pre-clip gradient norm; null, or what was
   * non-finite, in which case nothing was updated, and where it first arose ({@link NonFinite#where()}).
   */
  public record Outcome(Tensor output, double loss, double gradNorm, String nonFinite, String where) {}

  private final Module model;
  private final Objective<S> objective;
  private final Optimizer optimizer;
  private final TrainerSettings settings;
  private final List<TrainListener> listeners;
  private final Map<String, Parameter> params;
  private final Parameter[] paramList;
  private final Module[] modules;
  private final List<Tensor> weights;
  private final ForwardState forwardState;
  private final GradNorm gradNorm;
  private final BufferedPass pass;
  private final BufferedLoss<S> bufferedLoss;
  private float[] lossGrad;
  private long bufferedSteps;
  private ReplicaSync replicas = ReplicaSync.SINGLE;

  /**
   * The steps of a {@link Trainer} with these parts and no listeners, for a loop of one's own (the
   * {@code bench} command's): call {@link #run} once per batch. Uses settings' L2 and clipping only.
   */
  public TrainStep(Module model, Objective<S> objective, Optimizer optimizer, TrainerSettings settings) {
    this(model, objective, optimizer, settings, List.of());
  }

  /**
   * As {@link #TrainStep(Module, Objective, Optimizer, TrainerSettings)}, calling the listeners'
   * {@code beforeStep} and {@code afterBackward} (the caller sends the other events it needs, e.g.
   * {@code onStep} to a {@link DiagnosticsListener}).
   */
  public TrainStep(Module model, Objective<S> objective, Optimizer optimizer, TrainerSettings settings,
      List<TrainListener> listeners) {
    this.model = model;
    this.objective = objective;
    this.optimizer = optimizer;
    this.settings = settings;
    this.listeners = listeners;
    this.params = model.namedParameters();
    this.paramList = params.values().toArray(new Parameter[0]);
    this.modules = model.namedModules().values().toArray(new Module[0]);
    this.weights = params.values().stream().filter(p -> p.role() == Parameter.Role.WEIGHT).map(Parameter::value).toList();
    this.forwardState = new ForwardState(model);
    this.gradNorm = new GradNorm(paramList);
    BufferedLoss<S> loss = settings.l2() > 0 ? null : objective.bufferedLoss();
    BufferedPass k = loss == null ? null : model.bufferedPass();
    this.pass = k;
    this.bufferedLoss = k == null ? null : loss;
  }

  /** Combines each step's gradients with those of the other replicas of a data-parallel run (the default: none). */
  void syncWith(ReplicaSync sync) {
    this.replicas = sync;
  }

  /** Whether steps can take the allocation-free path (the model and objective have buffered forms, no L2). */
  boolean hasBufferedPass() {
    return pass != null;
  }

  /** How many steps took the buffered path. */
  long bufferedSteps() {
    return bufferedSteps;
  }

  /**
   * One update on {@code batch} as update number {@code step} (from 1, as listeners see it); the
   * model must be in training mode.
   */
  public Outcome run(S batch, long step) {
    for (TrainListener l : listeners) l.beforeStep(step);
    for (Parameter p : paramList) p.value().zeroGrad();
    forwardState.save();
    Tensor output;
    float loss;
    boolean finite;
    if (bufferedPassApplies()) {
      bufferedSteps++;
      Tensor x = batch.features();
      int rows = x.dim(0);
      float[] out = pass.forward(x.data(), rows);
      model.observeOutput(out, rows);
      output = Tensor.of(out, rows, out.length / rows);
      lossGrad = BufferedPass.sized(lossGrad, out.length);
      loss = bufferedLoss.apply(out, rows, batch, lossGrad);
      finite = Float.isFinite(loss);
      if (finite) {
        model.observeOutputGrad(lossGrad, rows);
        pass.backward(lossGrad, rows, false);
      }
    } else {
      output = model.forward(batch.features());
      Tensor data = objective.loss(output, batch);
      Tensor total = total(data);
      loss = data.item();
      finite = Float.isFinite(total.item());
      if (finite) Autograd.backward(total);
    }
    double mean = replicas.combine(step, finite ? loss : Double.NaN);
    if (!finite) return failed(batch, output, loss, "loss", false);
    if (!Double.isFinite(mean)) { // nothing to locate here; the dropout generators advance as for any step
      forwardState.restoreBuffers();
      return new Outcome(output, loss, Double.NaN, "loss of another replica", "another replica's batch");
    }
    double sq = gradNorm.squared();
    if (!Double.isFinite(sq)) return failed(batch, output, (float) mean, "gradient of " + firstNonFinite(), true);
    for (TrainListener l : listeners) l.afterBackward(step, model);
    if (settings.clipNorm() > 0) Clip.byGlobalNorm(params, settings.clipNorm(), Math.sqrt(sq));
    if (settings.clipValue() > 0) Clip.byValue(params, settings.clipValue());
    optimizer.step();
    return new Outcome(output, mean, Math.sqrt(sq), null, null);
  }

  private String firstNonFinite() {
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      Tensor g = e.getValue().grad();
      if (g != null) for (float v : g.data()) if (!Float.isFinite(v)) return e.getKey();
    }
    throw new IllegalStateException("the gradients' squared norm is not finite, but every element is");
  }

  /** The buffered path, unless a hook is registered now (e.g. by a diagnostics sample). */
  private boolean bufferedPassApplies() {
    if (pass == null) return false;
    for (Module m : modules) if (m.hasForwardHooks()) return false;
    for (Parameter p : paramList) if (p.value().hasHooks()) return false;
    return true;
  }

  private Tensor total(Tensor loss) {
    return settings.l2() > 0 ? Arithmetic.add(loss, Loss.l2Penalty(weights, settings.l2())) : loss;
  }

  private Outcome failed(S batch, Tensor output, float loss, String what, boolean backward) {
    forwardState.rewindGenerators();
    String where = locate(batch, backward);
    forwardState.restoreBuffers(); // the replay moved them too (training mode uses batch statistics, not these)
    return new Outcome(output, loss, Double.NaN, what, where);
  }

  private String locate(S batch, boolean backward) {
    PostMortem pm = new PostMortem(model);
    Tensor output = pm.forward(batch.features());
    if (pm.forwardFault() != null) return pm.forwardFault();
    Tensor loss = objective.loss(output, batch);
    if (!Float.isFinite(loss.item())) return "forward pass, the loss (the model's outputs are finite)";
    Tensor total = total(loss);
    if (!Float.isFinite(total.item())) return "forward pass, the L2 penalty (the loss itself is finite)";
    String where = backward ? pm.backward(total) : null;
    return where != null ? where : "not located: a second pass over the batch gave finite values";
  }
}
