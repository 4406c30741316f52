package org.deepgrad.cli.reproduce;

import java.util.List;
import java.util.stream.Collectors;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.diagnostics.StepStats;

/**
 * One run's gradient flow in a few numbers, for the articles summary:
 * <pre>
 * ratio(s)      ‖∂L/∂W_first‖ / ‖∂L/∂W_last‖ at sample s: the first Linear's weight gradient against the
 *               output layer's; ~1 healthy, ≪ 1 vanishing, ≫ 1 exploding
 * saturation    the largest saturated fraction among the layers (sigmoid, tanh, softsign), median over samples
 * dead          the largest dead-ReLU fraction among the layers, median over samples
 * update ratio  the first layer's ‖Δw‖/‖w‖, median over samples (~1e-3 healthy)
 * weight norm   √(Σ over layers ‖W‖²) at the last sample
 * </pre>
 */
record GradientFlow(double initRatio, double medianRatio, double saturation, double dead, double updateRatio,
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
    return new GradientFlow(ratios[0], Stats.median(ratios), sat, dead, update, norm, findings.isEmpty() ? "none" : findings);
  }

  /** First over last layer weight-gradient norm at {@code s}; NaN for a one-layer model. */
  static double ratio(StepStats s) {
    List<LayerStats> l = s.layers();
    return l.size() < 2 ? Double.NaN : l.get(0).weight().gradNorm() / l.get(l.size() - 1).weight().gradNorm();
  }

  private static double max(StepStats s, java.util.function.ToDoubleFunction<LayerStats> f) {
    return s.layers().stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
  }
}
