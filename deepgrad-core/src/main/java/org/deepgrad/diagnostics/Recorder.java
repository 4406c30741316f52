package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deepgrad.backend.Backends;
import org.deepgrad.backend.Parallel;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.ops.SumOfSquares;
import org.deepgrad.tensor.Tensor;

/**
 * Samples per-layer statistics of a training run every {@code every} steps, for the verdict rules
 * ({@link Verdicts}). A <em>layer</em> is each {@link org.deepgrad.nn.Linear} together with the
 * BatchNorm1d, LayerNorm and Activation modules that directly follow it in the same container, up to
 * the next Linear or any other module (a Dropout, a Residual); it is named by its Linear's module
 * path ({@code "0"}, {@code "layers.3.body.0"}) and numbered by depth. Its activation is the output of
 * its last Activation module (else of its last module), caught by a forward hook and its gradient by a
 * tensor hook on that output. Build the recorder before training, so it sees the initial weights.
 *
 * <pre>{@code
 * Recorder rec = new Recorder(model);               // every 50 steps
 * for (long step = 0; step < steps; step++) {
 *   rec.beforeForward(step);                        // arms the hooks on sampled steps
 *   Tensor loss = Loss.crossEntropy(model.forward(x), y);
 *   opt.zeroGrad(); Autograd.backward(loss);
 *   rec.afterBackward();                            // per-layer statistics, weight snapshot
 *   double norm = Clip.byGlobalNorm(model.namedParameters(), 1.0);
 *   opt.step();
 *   rec.afterStep(loss.item(), opt.lr(), Clipping.byNorm(norm, 1.0)); // update ratios; records the step
 * }
 * List<Finding> findings = Verdicts.judge(rec.history());
 * }</pre>
 *
 * <p>Unsampled steps cost a few comparisons (nothing is registered). A sampled step reads the layers
 * through output watches ({@link Module#watchOutput}), which the trainer's buffered path serves as well
 * as the tape, then reads each activation, gradient and weight a few times, the layers shared among
 * the backend's threads, with no sort (percentiles by selection among at most
 * {@value Summary#PERCENTILE_SAMPLE} values) and one copy of the layers' weights into buffers kept
 * from sample to sample (as much memory as those weights, for the recorder's life): on the
 * 784-512-512-10 MLP of {@code bench}, batch 128, one sample in {@value #DEFAULT_EVERY} costs 1–3% of
 * the throughput in steady state (docs/diagnostics.md, Cost).
 * The history keeps every sample, about 1 kB per layer each (two histograms and a few numbers).
 */
public final class Recorder {
  /** The default sampling period: one step in 50. */
  public static final int DEFAULT_EVERY = 50;

  private final int every;
  private final List<Tap> taps;
  private final Collection<Parameter> params;
  private final Map<Parameter, float[]> before = new IdentityHashMap<>();
  private final List<StepStats> steps = new ArrayList<>();
  private InputStats inputs;
  private long step = -1;
  private boolean armed;
  private boolean forceNext;
  private boolean sawFailure;
  private List<Sample> pending;
  private double gradNorm = Double.NaN;
  private int stepsSince;
  private int clippedSince;

  private record Sample(Tap tap, LayerStats stats) {}

  /** Samples {@code model} every {@value #DEFAULT_EVERY} steps. */
  public Recorder(Module model) {
    this(model, DEFAULT_EVERY);
  }

  /** Samples {@code model} at every step that is a multiple of {@code every} (1 samples every step). */
  public Recorder(Module model, int every) {
    if (every < 1) throw new IllegalArgumentException("every must be >= 1 (1 samples every step), got " + every);
    this.every = every;
    this.taps = Tap.discover(model);
    this.params = model.namedParameters().values();
  }

  /** Starts step {@code step}; when it is sampled, arms the hooks and returns true. */
  public boolean beforeForward(long step) {
    taps.forEach(Tap::disarm);
    this.step = step;
    armed = step % every == 0 || forceNext;
    forceNext = false;
    pending = null;
    if (armed) taps.forEach(Tap::arm);
    return armed;
  }

  /**
   * On a sampled step: computes the layers' statistics from the gradients (before clipping) and copies
   * the weights into buffers kept from sample to sample, for the update ratios.
   */
  public void afterBackward() {
    if (!armed) return;
    taps.forEach(Tap::disarm);
    armed = false;
    Map<Parameter, Double> gradSq = new IdentityHashMap<>();
    double sq = 0;
    for (Parameter p : params) {
      Tensor g = p.grad();
      double s = g == null ? 0 : SumOfSquares.of(g.data());
      gradSq.put(p, s);
      sq += s;
    }
    gradNorm = Math.sqrt(sq);
    for (Tap t : taps) {
      for (Parameter p : t.params.values()) {
        float[] copy = before.get(p);
        if (copy == null || copy.length != p.value().size()) before.put(p, new float[p.value().size()]);
      }
    }
    // Layers are independent: their statistics are shared among the backend's threads, so a sample
    // costs about the same fraction of a step with two threads as with one.
    Sample[] samples = new Sample[taps.size()];
    Parallel.run(Math.max(1, Math.min(Backends.current().threads(), taps.size())), (part, parts) -> {
      for (int i = Parallel.bound(taps.size(), part, parts); i < Parallel.bound(taps.size(), part + 1, parts); i++) {
        Tap t = taps.get(i);
        List<ParamStats> stats = new ArrayList<>();
        t.params.forEach((name, p) -> {
          stats.add(ParamStats.of(name, p, gradSq.get(p)));
          float[] w = p.value().data();
          System.arraycopy(w, 0, before.get(p), 0, w.length);
        });
        samples[i] = new Sample(t, Layers.stats(t, stats));
      }
    });
    pending = new ArrayList<>(Arrays.asList(samples));
  }

  /** Ends a step without clipping: the global norm after equals the one before. */
  public Optional<StepStats> afterStep(double loss, double lr) {
    return finish(loss, lr, null, false);
  }

  /**
   * Ends a step that made no update because its loss or a gradient was NaN or infinite. The first
   * such step is recorded even when it was not sampled (its gradient norm then NaN), and the next
   * step is sampled, so NAN_OR_INF sees where the run broke whatever the sampling period.
   */
  public Optional<StepStats> afterNonFinite(double loss, double lr) {
    return finish(loss, lr, null, true);
  }

  /** Ends a step whose gradients were clipped as {@code clipping} says; returns the step's record if one was made. */
  public Optional<StepStats> afterStep(double loss, double lr, Clipping clipping) {
    return finish(loss, lr, clipping, false);
  }

  private Optional<StepStats> finish(double loss, double lr, Clipping clipping, boolean failed) {
    stepsSince++;
    if (clipping != null && clipping.fired()) clippedSince++;
    boolean failure = (failed || !Double.isFinite(loss)) && !sawFailure;
    if (pending == null && !failure) return Optional.empty();
    sawFailure |= failure;
    forceNext = failure && pending == null; // a failure between samples: look at the next step closely
    List<LayerStats> layers = new ArrayList<>();
    if (pending != null) for (Sample s : pending) layers.add(Layers.withUpdates(s.stats(), s.tap(), before));
    double before = clipping != null ? clipping.normBefore() : pending != null ? gradNorm : Double.NaN;
    double after = clipping != null ? clipping.normAfter() : before;
    StepStats record = new StepStats(step, loss, lr, before, after, clipping != null && clipping.fired(),
        (double) clippedSince / stepsSince, layers);
    steps.add(record);
    pending = null;
    stepsSince = 0;
    clippedSince = 0;
    return Optional.of(record);
  }

  /**
   * Measures the training inputs the model will see, {@code [samples, features]}, once ({@link InputStats}:
   * one pass over them); the input rules judge them. Replaces an earlier measurement.
   */
  public void recordInputs(Tensor features) {
    inputs = InputStats.of(features);
  }

  /** The layers found in the model, in depth order. */
  public List<LayerInfo> layers() {
    return taps.stream().map(t -> t.info).toList();
  }

  /** Everything recorded so far, with the layers, for {@link Verdicts#judge}. */
  public History history() {
    return new History(layers(), inputs, steps);
  }
}
