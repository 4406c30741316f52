package org.deepgrad.run.repair;

import java.util.List;

/**
 * One round of a repair: the changes of its base run that its findings' remedies describe, each
 * trained for the budget, ranked ({@link Ranking}).
 *
 * @param number from 1
 * @param base the run the round changes: the run as given, then the best of the round before
 * @param ranked the candidates, best first
 * @param notMade the remedies that could not be made a change of the base, with the reason
 * @param seconds the round's wall-clock time
 */
record Round(int number, Candidate base, List<Candidate> ranked, List<Change.NotMade> notMade, double seconds) {
  /** Copies the lists. */
  Round {
    ranked = List.copyOf(ranked);
    notMade = List.copyOf(notMade);
  }

  /** The best candidate, when it helps ({@link Ranking#helps}); else null. */
  Candidate winner() {
    return !ranked.isEmpty() && helps(ranked.get(0)) ? ranked.get(0) : null;
  }

  /** Whether {@code c} helps over the base ({@link Ranking#helps}). */
  boolean helps(Candidate c) {
    return Ranking.helps(c.trial(), base.trial());
  }
}
