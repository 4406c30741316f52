package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every verdict rule over a history; docs/diagnostics.md explains each rule and its thresholds.
 * Then, in one place for every rule: each remedy is cut to what the run does not apply yet
 * ({@link Setup#remaining}), and the findings are ordered and linked so that a cause comes before its
 * consequences and explains them ({@link Causes}).
 */
public final class Verdicts {
  /**
   * The rules, in the order of findings that do not explain one another: the inputs first (they come
   * before everything a network does with them), then by severity, the NaN first.
   */
  public static final List<Rule> RULES = List.of(new InputNonFiniteRule(), new InputScaleRule(),
      new ConstantFeaturesRule(), new NonFiniteRule(), new ExplodingRule(), new VanishingRule(), new SaturationRule(),
      new DeadUnitsRule(), new LearningRateRule(), new StalledRule(), new InitMismatchRule());

  private Verdicts() {}

  /** {@link #judge(History, Setup, Set)} knowing nothing of the run's settings. */
  public static List<Finding> judge(History history) {
    return judge(history, Setup.UNKNOWN, Set.of());
  }

  /** {@link #judge(History, Setup, Set)} with every rule. */
  public static List<Finding> judge(History history, Setup setup) {
    return judge(history, setup, Set.of());
  }

  /**
   * The findings of every rule on {@code history} but those of the kinds in {@code omit} (a resumed
   * run's INIT_MISMATCH), each with the remedies {@code setup} does not apply yet, causes first.
   *
   * @throws IllegalArgumentException when {@code setup} names initializers for another number of layers
   */
  public static List<Finding> judge(History history, Setup setup, Set<Finding.Kind> omit) {
    setup.check(history.layers());
    List<Finding> found = new ArrayList<>();
    for (Rule r : RULES) {
      Optional<Finding> f = r.check(history);
      if (f.isEmpty() || omit.contains(f.get().kind())) continue;
      List<Remedy> remedies = new ArrayList<>();
      for (Remedy remedy : f.get().remedies()) setup.remaining(remedy, history.layers()).ifPresent(remedies::add);
      found.add(f.get().withRemedies(remedies));
    }
    return Causes.link(found, history.layers());
  }
}
