package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DEAD_UNITS: a ReLU layer whose median dead fraction ({@link Saturation#deadFraction}: units at 0 for
 * the whole batch) over the recent sampled steps exceeds {@link #FRACTION}. A dead unit gets no gradient,
 * so once its pre-activation is negative for every input it never recovers (Maas et al. 2013; Lu et al.
 * 2019). The fraction depends on the batch: with a batch of B a unit active on a share q of inputs
 * looks dead with probability (1 − q)^B, negligible for B ≥ 32 unless q is tiny.
 */
final class DeadUnitsRule implements Rule {
  /**
   * Flag a layer with more than 40% of its units dead: CS231n ("Neural Networks Part 1", Karpathy)
   * warns that with a high learning rate "as much as 40% of your network can be dead"; we flag at
   * that level.
   */
  static final double FRACTION = 0.4;

  @Override
  public Optional<Finding> check(History h) {
    if (h.recent().isEmpty()) return Optional.empty();
    double[] dead = fractions(h);
    List<Integer> flagged = new ArrayList<>();
    Map<String, Double> numbers = new LinkedHashMap<>();
    for (int l = 0; l < dead.length; l++) {
      if (dead[l] > FRACTION) {
        flagged.add(l);
        numbers.put("dead fraction, " + h.layers().get(l).name(), dead[l]);
      }
    }
    if (flagged.isEmpty()) return Optional.empty();
    return Optional.of(new Finding(Finding.Kind.DEAD_UNITS, Finding.Severity.WARNING, h.names(flagged), numbers,
        History.fmt(100 * dead[flagged.get(0)]) + "% of the ReLU units of layer " + h.layers().get(flagged.get(0)).name()
            + " output 0 for the whole batch; they get no gradient and stop learning.",
        remedies(h.layers(flagged))));
  }

  /** Each layer's dead fraction, the median over the recent steps; NaN for a layer that is not ReLU. */
  static double[] fractions(History h) {
    return h.recentMedian((s, l) -> l.deadFraction());
  }

  /** Leaky ReLU, a lower learning rate, He init and batch norm, on the dead layers. */
  private static List<Remedy> remedies(List<LayerInfo> dead) {
    List<Remedy> out = new ArrayList<>(Remedies.leakyRelu(dead));
    out.add(Remedy.of(Remedy.Kind.LR_DOWN));
    out.add(Remedy.on(Remedy.Kind.INIT_HE, dead.stream().map(LayerInfo::name).toList()));
    out.addAll(Remedies.batchNorm(dead));
    return out;
  }
}
