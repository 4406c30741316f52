package org.deepgrad.diagnostics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * What the verdict rules read: the layers of the model, the training inputs' statistics and the
 * recorded steps in order.
 *
 * @param layers the layers in depth order, as found by the {@link Recorder}
 * @param inputs the training inputs' statistics ({@link Recorder#recordInputs}), or null when not measured
 * @param steps the records in step order (sampled steps, and unsampled ones whose loss was not finite)
 */
public record History(List<LayerInfo> layers, InputStats inputs, List<StepStats> steps) {
  /**
   * How many of the latest sampled steps the rules about the current state take the median over:
   * enough to smooth mini-batch noise, recent enough to follow a long run.
   */
  public static final int WINDOW = 10;

  /** Copies the lists. */
  public History {
    layers = List.copyOf(layers);
    steps = List.copyOf(steps);
  }

  /** A history without input statistics. */
  public History(List<LayerInfo> layers, List<StepStats> steps) {
    this(layers, null, steps);
  }

  /** The steps with per-layer statistics. */
  public List<StepStats> sampled() {
    return steps.stream().filter(StepStats::sampled).toList();
  }

  /**
   * The last {@link #WINDOW} sampled steps whose values are all finite: after a NaN the statistics say
   * nothing (a ReLU of NaN reads as a dead unit), so the rules about the current state skip such steps
   * and NAN_OR_INF reports them.
   */
  public List<StepStats> recent() {
    List<StepStats> s = sampled().stream().filter(History::finite).toList();
    return s.subList(Math.max(0, s.size() - WINDOW), s.size());
  }

  /** Whether the loss, the global gradient norm and every layer's values are finite at {@code s}. */
  static boolean finite(StepStats s) {
    return Double.isFinite(s.loss()) && Double.isFinite(s.gradNormBefore())
        && s.layers().stream().allMatch(l -> l.nonFinite() == 0);
  }

  /** For each layer, the median of {@code f(step, layer)} over the {@link #recent()} steps, ignoring NaN. */
  double[] recentMedian(ToDoubleBiFunction<StepStats, LayerStats> f) {
    double[] out = new double[layers.size()];
    List<StepStats> recent = recent();
    for (int l = 0; l < out.length; l++) {
      double[] v = new double[recent.size()];
      for (int i = 0; i < v.length; i++) v[i] = f.applyAsDouble(recent.get(i), recent.get(i).layers().get(l));
      out[l] = median(v);
    }
    return out;
  }

  /**
   * For each layer, the median over the {@link #recent()} steps of {@code f}(layer) / {@code f}(last
   * layer), ignoring NaN: how a layer's gradient or update compares with the output layer's.
   */
  double[] recentRatioToLast(ToDoubleFunction<LayerStats> f) {
    int last = layers.size() - 1;
    return recentMedian((s, l) -> f.applyAsDouble(l) / f.applyAsDouble(s.layers().get(last)));
  }

  /** The median of the non-NaN values (the mean of the middle two for an even count); NaN when none. */
  static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** The layers at {@code indices}. */
  List<LayerInfo> layers(List<Integer> indices) {
    return indices.stream().map(layers::get).toList();
  }

  /** The names of the layers at {@code indices}. */
  List<String> names(List<Integer> indices) {
    List<String> out = new ArrayList<>();
    for (int i : indices) out.add(layers.get(i).name());
    return out;
  }

  /** A number for an explanation: three significant digits. */
  static String fmt(double x) {
    return String.format(Locale.ROOT, "%.3g", x);
  }

  /** A setting or an input value for a sentence: three significant digits, no trailing zeros ({@code 10}, {@code 0.01}, {@code 255}). */
  static String plain(double x) {
    if (!Double.isFinite(x)) return String.valueOf(x);
    return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
