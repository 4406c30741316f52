package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * STALLED: the loss has not moved over the whole recorded run. With L_first and L_last the means of
 * the first and last {@link #ENDS} finite losses of sampled steps (averaging smooths mini-batch noise),
 * the run is stalled when {@code |L_first − L_last| / |L_first| < FLAT}, judged once there are at least
 * {@link #MIN_SAMPLES} of them. A run that learned and then levelled off is not stalled: its first
 * losses are far above its last.
 */
final class StalledRule implements Rule {
  /** Less than a 5% change: smaller than a few steps of any network that learns, above batch noise. Our choice. */
  static final double FLAT = 0.05;
  /** Losses averaged at each end. */
  static final int ENDS = 3;
  /** Samples needed before judging: both ends, and some steps between them. */
  static final int MIN_SAMPLES = 8;

  @Override
  public Optional<Finding> check(History h) {
    double[] ends = ends(h);
    if (ends == null) return Optional.empty();
    double first = ends[0];
    double last = ends[1];
    double change = change(ends);
    if (!(change < FLAT)) return Optional.empty();
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("first losses (mean)", first);
    numbers.put("last losses (mean)", last);
    numbers.put("relative change", change);
    List<StepStats> s = h.sampled();
    return Optional.of(new Finding(Finding.Kind.STALLED, Finding.Severity.WARNING, List.of(), numbers,
        "The loss moved by only " + History.fmt(100 * change) + "% between steps " + s.get(0).step() + " and "
            + s.get(s.size() - 1).step() + ": the network is not learning; the other findings say why.",
        remedies(h)));
  }

  /** {L_first, L_last}: the means of the first and last {@link #ENDS} finite sampled losses; null before {@link #MIN_SAMPLES}. */
  static double[] ends(History h) {
    double[] loss = h.sampled().stream().mapToDouble(StepStats::loss).filter(Double::isFinite).toArray();
    if (loss.length < MIN_SAMPLES) return null;
    double first = 0;
    double last = 0;
    for (int i = 0; i < ENDS; i++) {
      first += loss[i] / ENDS;
      last += loss[loss.length - 1 - i] / ENDS;
    }
    return new double[] {first, last};
  }

  /** |L_first − L_last| / |L_first| of {@link #ends}. */
  static double change(double[] ends) {
    return Math.abs(ends[0] - ends[1]) / Math.abs(ends[0]);
  }

  private static List<Remedy> remedies(History h) {
    List<Remedy> out = new ArrayList<>(List.of(Remedy.of(Remedy.Kind.LR_UP), Remedy.of(Remedy.Kind.OPTIMIZER_ADAM)));
    out.addAll(Remedies.batchNorm(h.layers()));
    return out;
  }
}
