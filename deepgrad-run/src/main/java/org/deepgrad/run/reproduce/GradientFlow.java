package org.deepgrad.run.reproduce;

import java.util.List;
import java.util.stream.Collectors;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.diagnostics.StepStats;

/**
 * One run's gradient flow in a few numbers, for the articles summary:
 * <pre>
 * ratio(s)      ‖∂L/∂W_first‖ / ‖∂L/∂W_last‖ at sample s: the first Linear's weight gradient against the
 *               output layer's; ~1 healthy, ≪ 1 vanishing, ≫ 1 exploding
 * backprop      Var(∂L/∂h_first) / Var(∂L/∂h_top) at the initial weights: the gradient reaching the first
 *               hidden layer's output against the top hidden layer's (Glorot &amp; Bengio's back-propagated
 *               gradient). The weight-gradient ratio can miss a vanishing signal: ∂L/∂W_l = h_{l−1}ᵀ·δ_l, so
 *               when the forward activations shrink with depth as fast as δ shrinks toward the input (a
 *               deep ReLU net with Xavier init), the weight gradients stay comparable while δ vanishes
 * saturation    the largest saturated fraction among the layers (sigmoid, tanh, softsign), median over samples
 * dead          the largest dead-ReLU fraction among the layers, median over samples
 * update ratio  the first layer's ‖Δw‖/‖w‖, median over samples (~1e-3 healthy)
 * weight norm   √(Σ over layers ‖W‖²) at the last sample
 * </pre>
 */
record GradientFlow(double initRatio, double medianRatio, double backprop, double saturation, double dead, double updateRatio,
    double weightNorm, String findings) {

  static GradientFlow of(RunResult r) {
    List<StepStats> s = r.samples();
    double[] ratios = s.stream().mapToDouble(GradientFlow::ratio).toArray();
    double sat = Stats.median(s.stream().mapToDouble(x -> max(x, LayerStats::saturation)).toArray());
    double dead = Stats.median(s.stream().mapToDouble(x -> max(x, LayerStats::deadFraction)).toArray());
    double update = Stats.median(s.stream().mapToDouble(x -> x.layers().get(0).weight().updateRatio()).toArray());
    double norm = Math.sqrt(s.get(s.size() - 1).layers().stream()
        .mapToDouble(l -> l.weight().weightNorm() * l.weight().weightNorm()).sum());
    String findings = r.findings().stream().map(f -> f.kind().name()).distinct().collect(Collectors.joining(", "));
    return new GradientFlow(ratios[0], Stats.median(ratios), backprop(s.get(0)), sat, dead, update, norm, findings.isEmpty() ? "none" : findings);
  }

  /** First over last layer weight-gradient norm at {@code s}; NaN for a one-layer model. */
  static double ratio(StepStats s) {
    List<LayerStats> l = s.layers();
    return l.size() < 2 ? Double.NaN : l.get(0).weight().gradNorm() / l.get(l.size() - 1).weight().gradNorm();
  }

  /** Var(∂L/∂h) of the first hidden layer over the top one's at {@code s}; NaN with fewer than 2 hidden layers. */
  static double backprop(StepStats s) {
    double[] v = Glorot2010.gradVariance(s);
    return v.length < 2 ? Double.NaN : v[0] / v[v.length - 1];
  }

  private static double max(StepStats s, java.util.function.ToDoubleFunction<LayerStats> f) {
    return s.layers().stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
  }
}
