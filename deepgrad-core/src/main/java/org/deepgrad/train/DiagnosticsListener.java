package org.deepgrad.train;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.deepgrad.diagnostics.Clipping;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.History;
import org.deepgrad.diagnostics.Recorder;
import org.deepgrad.diagnostics.Setup;
import org.deepgrad.diagnostics.Verdicts;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.clip.Clip;
import org.deepgrad.tensor.Tensor;

/**
 * Gradient-flow diagnostics during a {@link Trainer} run: a {@link Recorder} driven by the trainer's
 * hooks, {@link Verdicts} on what it saw.
 *
 * <pre>{@code
 * DiagnosticsListener diag = new DiagnosticsListener(model, 50, settings, setup);  // before fit: initial weights
 * diag.recordInputs(train.features());                // once: the input rules judge them
 * trainer.addListener(diag).fit();
 * for (Finding f : diag.findings()) System.out.println(f.kind() + " " + f.layers() + ": " + f.explanation());
 * }</pre>
 *
 * Steps are the trainer's update numbers (from 1); a step is sampled when its number is a multiple of
 * {@code every}. {@link #fromFirstUpdate} samples update 1 and every {@code every}-th after it instead,
 * so that the initial weights are seen, where Glorot &amp; Bengio and He et al. measure; its history
 * counts updates from 0 (a recorded step s is update s + 1). A batch with a NaN or infinite loss or gradient is recorded too (with the layers'
 * statistics when it was a sampled step), so NAN_OR_INF sees where the run broke even when the
 * non-finite policy stops it there. The recorder only reads tensors and copies weights, so the run's
 * results are bit-identical with and without this listener.
 *
 * <p>Clipping: without it, the step's global norm before and after is {@link StepEvent#gradNorm}. With
 * {@code clipNorm} or {@code clipValue} set, the norm after is measured on the clipped gradients (the
 * optimizer leaves them as they are), one pass over them per step, since clipping by value leaves no
 * formula for it; clipping fired when that norm is below the one before.
 */
public final class DiagnosticsListener implements TrainListener {
  private final Collection<Parameter> params;
  private final Recorder recorder;
  private final boolean clipping;
  private final Setup setup;
  /** 1 when update 1 is recorded as step 0 ({@link #fromFirstUpdate}), else 0. */
  private final long offset;
  private boolean resumed;

  /** {@link #DiagnosticsListener(Module, int, TrainerSettings, Setup)} knowing nothing else of the run. */
  public DiagnosticsListener(Module model, int every, TrainerSettings settings) {
    this(model, every, settings, Setup.UNKNOWN);
  }

  /**
   * Samples {@code model} every {@code every} steps ({@link Recorder#DEFAULT_EVERY} is the cheap
   * default) of a trainer with {@code settings}; {@code setup} says what the run already applies, so
   * that no remedy suggests it again. Build it before training: the init check reads the weights as
   * they are now.
   *
   * @throws IllegalArgumentException when {@code setup} names initializers for another number of layers
   */
  public DiagnosticsListener(Module model, int every, TrainerSettings settings, Setup setup) {
    this(model, every, settings, setup, 0);
  }

  /**
   * Samples update 1 of {@code model} and every {@code every}-th update after it (updates 1, 1 + every,
   * ...), its history counting updates from 0; otherwise as {@link #DiagnosticsListener(Module, int,
   * TrainerSettings)}. Build it before training (after any pre-training).
   */
  public static DiagnosticsListener fromFirstUpdate(Module model, int every, TrainerSettings settings) {
    return new DiagnosticsListener(model, every, settings, Setup.UNKNOWN, 1);
  }

  private DiagnosticsListener(Module model, int every, TrainerSettings settings, Setup setup, long offset) {
    this.offset = offset;
    this.params = model.namedParameters().values();
    this.recorder = new Recorder(model, every);
    this.clipping = settings.clipNorm() > 0 || settings.clipValue() > 0;
    setup.check(recorder.layers());
    this.setup = setup;
  }

  /** Measures the training inputs once ({@link Recorder#recordInputs}); returns this listener. */
  public DiagnosticsListener recordInputs(Tensor features) {
    recorder.recordInputs(features);
    return this;
  }

  @Override
  public void onStart(int epoch, long step) {
    resumed = step > 0;
  }

  @Override
  public void beforeStep(long step) {
    recorder.beforeForward(step - offset);
  }

  @Override
  public void afterBackward(long step, Module model) {
    recorder.afterBackward();
  }

  @Override
  public void onStep(StepEvent event) {
    if (!clipping) {
      recorder.afterStep(event.loss(), event.lr());
      return;
    }
    double after = globalNorm();
    recorder.afterStep(event.loss(), event.lr(), new Clipping(event.gradNorm(), after, after < event.gradNorm()));
  }

  @Override
  public void onNonFinite(NonFinite event, double loss, double lr) {
    recorder.afterBackward();
    recorder.afterNonFinite(loss, lr);
  }

  /** The recorder, with the layers it found and everything recorded so far. */
  public Recorder recorder() {
    return recorder;
  }

  /** What was recorded so far. */
  public History history() {
    return recorder.history();
  }

  /**
   * The verdicts on what was recorded so far ({@link Verdicts#judge}), with the remedies the setup does
   * not apply yet. When the trainer started from a checkpoint (at a step &gt; 0), INIT_MISMATCH is left
   * out: the weights the recorder took for the initial ones were not those the run started with.
   */
  public List<Finding> findings() {
    return Verdicts.judge(recorder.history(), setup, resumed ? Set.of(Finding.Kind.INIT_MISMATCH) : Set.of());
  }

  /** What the run already applies, as given. */
  public Setup setup() {
    return setup;
  }

  /** √(Σ_p ‖g_p‖²) of the gradients now, in the order and precision TrainStep sums them before clipping. */
  private double globalNorm() {
    return Math.sqrt(Clip.squaredNorm(params));
  }
}
