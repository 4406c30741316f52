package org.deepgrad.run.files;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.deepgrad.diagnostics.History;
import org.deepgrad.diagnostics.LayerInfo;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.diagnostics.StepStats;

/**
 * One row of the per-layer table of a diagnosis: each number is the median over the
 * {@link History#recent()} steps (the last {@value History#WINDOW} sampled steps whose values are all
 * finite), the window the rules on the current state read, so the table shows what they judged.
 *
 * @param name the module path of the layer's Linear
 * @param activation the layer's activation ({@code identity} for the output layer)
 * @param fanIn the Linear's input features
 * @param fanOut its output features
 * @param gradNorm ‖∂loss/∂W‖₂ of the Linear's weight
 * @param gradRatio rms(∂loss/∂W) over the last layer's, the ratio VANISHING compares with 1e-3
 * @param activationStd the standard deviation of the layer's output over the batch
 * @param saturation the saturated fraction of the output; NaN for activations that do not saturate
 * @param dead the fraction of dead ReLU units; NaN for other activations
 * @param updateRatio ‖ΔW‖/‖W‖ of the optimizer step
 */
public record LayerRow(String name, String activation, int fanIn, int fanOut, double gradNorm, double gradRatio,
    double activationStd, double saturation, double dead, double updateRatio) {

  /** The rows of {@code h}'s layers in depth order; NaN numbers when no sampled step is finite. */
  static List<LayerRow> of(History h) {
    List<StepStats> recent = h.recent();
    int last = h.layers().size() - 1;
    List<LayerRow> rows = new ArrayList<>();
    for (LayerInfo info : h.layers()) {
      int l = info.index();
      rows.add(new LayerRow(info.name(), info.activation().configName(), info.fanIn(), info.fanOut(),
          median(recent, l, (s, x) -> x.weight().gradNorm()),
          median(recent, l, (s, x) -> x.weight().gradRms() / s.layers().get(last).weight().gradRms()),
          median(recent, l, (s, x) -> x.activation() == null ? Double.NaN : x.activation().std()),
          median(recent, l, (s, x) -> x.saturation()), median(recent, l, (s, x) -> x.deadFraction()),
          median(recent, l, (s, x) -> x.weight().updateRatio())));
    }
    return rows;
  }

  /** The median of {@code f} for layer {@code l} over {@code steps}, ignoring NaN (as the rules); NaN when none. */
  private static double median(List<StepStats> steps, int l, ToDoubleBiFunction<StepStats, LayerStats> f) {
    double[] v = steps.stream().mapToDouble(s -> f.applyAsDouble(s, s.layers().get(l))).filter(x -> !Double.isNaN(x))
        .sorted().toArray();
    if (v.length == 0) return Double.NaN;
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
