package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deepgrad.nn.Activation;

/**
 * INIT_MISMATCH: the initial weights of a stack of layers do not suit its activation, so the variance
 * of activations (forward) and gradients (backward) drifts geometrically through the stack. Layer l's
 * gain is {@code g_l = std(W_l)·√fanIn_l} (weights as built, see {@link LayerInfo#initialWeightStd()});
 * the activation wants a gain in [lo, hi]:
 *
 * <pre>
 * relu         √2          He et al. 2015: Var(y_l) = (fanIn·Var(W)/2)·Var(y_{l−1})
 * leaky_relu   √(2/(1+0.01²))  (torch's calculate_gain, default slope)
 * tanh         1 to 5/3    Glorot &amp; Bengio 2010 (linear regime, gain 1); torch's calculate_gain (5/3)
 * sigmoid      1           Glorot &amp; Bengio 2010; torch's calculate_gain
 * softsign     1           Glorot &amp; Bengio 2010
 * </pre>
 *
 * Each layer changes the variance by {@code r_l = (g_l/hi)²} above the range, {@code (g_l/lo)²} below it,
 * 1 inside. Over each run of consecutive hidden layers of these activations without normalization (batch
 * or layer norm resets the scale, Ioffe &amp; Szegedy 2015), the product {@code R = Π r_l} outside
 * [1/COMPOUND, COMPOUND] is a mismatch. So the rule grows with depth: the ±1/√fanIn standard init (gain
 * 1/√3) is flagged in a tanh stack of 5 layers (3⁻⁵), not of 4; He init under sigmoid from 7 (2⁷).
 */
final class InitMismatchRule implements Rule {
  /**
   * A 100-fold change of variance across a stack, 10-fold in standard deviation: the signal at one end
   * is an order of magnitude off the other's. Our choice.
   */
  static final double COMPOUND = 100;
  /** The label of a stack's variance factor R among the finding's numbers, before the layers' names. */
  static final String FACTOR = "variance factor across layers ";

  /** A run of consecutive hidden layers of these activations without normalization, and its variance factor R. */
  record Stack(List<Integer> layers, double factor) {
    boolean mismatched() {
      return factor < 1 / COMPOUND || factor > COMPOUND;
    }
  }

  @Override
  public Optional<Finding> check(History h) {
    List<Integer> flagged = new ArrayList<>();
    Map<String, Double> numbers = new LinkedHashMap<>();
    for (Stack stack : stacks(h)) {
      if (!stack.mismatched()) continue;
      flagged.addAll(stack.layers());
      numbers.put(FACTOR + h.layers().get(stack.layers().get(0)).name() + " to "
          + h.layers().get(stack.layers().get(stack.layers().size() - 1)).name(), stack.factor());
    }
    if (flagged.isEmpty()) return Optional.empty();
    LayerInfo first = h.layers().get(flagged.get(0));
    double gain = first.initialWeightStd() * Math.sqrt(first.fanIn());
    numbers.put("weight gain std·√fan-in, " + first.name(), gain);
    StepStats start = h.sampled().isEmpty() ? null : h.sampled().get(0);
    LayerStats measured = start == null ? null : start.layers().get(flagged.get(flagged.size() - 1));
    if (measured != null && measured.activation() != null) {
      numbers.put("activation std at step " + start.step() + ", " + measured.name(), measured.activation().std());
    }
    double[] range = range(first.activation());
    return Optional.of(new Finding(Finding.Kind.INIT_MISMATCH, Finding.Severity.WARNING, h.names(flagged), numbers,
        "Layer " + first.name() + " and the " + (flagged.size() - 1) + " " + first.activation().configName()
            + " layers after it start with weights of gain " + History.fmt(gain) + " (like " + InitGuess.of(first)
            + " init, judged from the weights: Linear does not record its initializer), where "
            + first.activation().configName() + " wants " + History.fmt(range[0])
            + (range[0] == range[1] ? "" : " to " + History.fmt(range[1]))
            + "; the variance drifts geometrically through the stack.", Remedies.fitting(h.layers(flagged))));
  }

  /** The stacks of {@code h}'s layers, in depth order, each with R = Π r_l from the weights as built. */
  static List<Stack> stacks(History h) {
    List<Stack> out = new ArrayList<>();
    List<Integer> run = new ArrayList<>();
    double product = 1;
    for (int l = 0; l <= h.layers().size(); l++) {
      LayerInfo info = l < h.layers().size() ? h.layers().get(l) : null;
      double[] range = info == null || info.normalized() ? null : range(info.activation());
      if (range == null) {
        if (!run.isEmpty()) out.add(new Stack(List.copyOf(run), product));
        run.clear();
        product = 1;
        continue;
      }
      double gain = info.initialWeightStd() * Math.sqrt(info.fanIn());
      product *= gain > range[1] ? Math.pow(gain / range[1], 2) : gain < range[0] ? Math.pow(gain / range[0], 2) : 1;
      run.add(l);
    }
    return out;
  }

  /** The gains that suit {@code kind}, {lo, hi}; null where the rule has no reference. */
  private static double[] range(Activation.Kind kind) {
    return switch (kind) {
      case RELU -> new double[] {Math.sqrt(2), Math.sqrt(2)};
      case LEAKY_RELU -> new double[] {Math.sqrt(2 / (1 + 1e-4)), Math.sqrt(2 / (1 + 1e-4))};
      case TANH -> new double[] {1, 5.0 / 3};
      case SIGMOID, SOFTSIGN -> new double[] {1, 1};
      default -> null;
    };
  }
}
