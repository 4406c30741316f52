package org.deepgrad.run.repair;

import java.util.Comparator;
import org.deepgrad.diagnostics.Finding;

/**
 * The order of a repair's runs, best first, and so what "helps" means:
 *
 * <ol>
 *   <li>a run that did not diverge before one that did (a NaN or infinity, NAN_OR_INF: it stopped, so
 *       its other findings are not all there), a run that failed (bad input, an error) last; then fewer
 *       findings of severity error (exploding gradients, unusable inputs), then fewer findings in all: a
 *       remedy that removes one finding and brings another gains nothing;
 *   <li>then the higher validation accuracy (for regression, the lower validation loss);
 *   <li>then the lower training loss at the end of the budget ({@link Trial#trainLoss}).
 * </ol>
 *
 * A number that is not there (NaN: the run diverged or failed) is the worst. A remedy helps when its
 * run comes before the run it changed by the first two: fewer findings, or as many and a better
 * validation score. The training loss orders the rest but does not make a remedy help.
 */
final class Ranking {
  /** Best first. */
  static final Comparator<Trial> ORDER = findingsThenScore().thenComparingDouble(t -> worstIfNaN(t.trainLoss()));

  private Ranking() {}

  /** Whether {@code t} helps over {@code base}: it ranks before it by the findings and the validation score. */
  static boolean helps(Trial t, Trial base) {
    return findingsThenScore().compare(t, base) < 0;
  }

  private static Comparator<Trial> findingsThenScore() {
    return Comparator.comparingInt(Ranking::diverged).thenComparingInt(Ranking::errors)
        .thenComparingInt(Ranking::findings).thenComparingDouble(Ranking::score);
  }

  /** 0 for a run that trained, 1 for one that diverged, 2 for one that failed. */
  private static int diverged(Trial t) {
    return t.failed() ? 2 : t.kinds().contains(Finding.Kind.NAN_OR_INF) ? 1 : 0;
  }

  private static int errors(Trial t) {
    return t.failed() ? Integer.MAX_VALUE
        : (int) t.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
  }

  private static int findings(Trial t) {
    return t.failed() ? Integer.MAX_VALUE : t.findings().size();
  }

  /** Lower is better: minus the validation accuracy, or the validation loss when there is no accuracy. */
  private static double score(Trial t) {
    return Double.isNaN(t.valAccuracy()) ? worstIfNaN(t.valLoss()) : -t.valAccuracy();
  }

  private static double worstIfNaN(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}
