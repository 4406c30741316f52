package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.List;

/** Runs every verdict rule over a history; docs/diagnostics.md explains each rule and its thresholds. */
public final class Verdicts {
  /** The rules, most severe first: a NaN explains everything after it. */
  public static final List<Rule> RULES = List.of(new NonFiniteRule(), new ExplodingRule(), new VanishingRule(),
      new SaturationRule(), new DeadUnitsRule(), new LearningRateRule(), new StalledRule(), new InitMismatchRule());

  private Verdicts() {}

  /** The findings of every rule on {@code history}, in the order of {@link #RULES}. */
  public static List<Finding> judge(History history) {
    List<Finding> out = new ArrayList<>();
    for (Rule r : RULES) r.check(history).ifPresent(out::add);
    return out;
  }
}
