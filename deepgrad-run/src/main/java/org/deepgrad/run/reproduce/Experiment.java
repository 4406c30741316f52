package org.deepgrad.run.reproduce;

import java.util.List;

/**
 * A reproduction: the runs it needs ({@link #plans}) and the claims it checks on their results
 * ({@link #judge}). The two are separate so that the plans can be checked without training and the
 * verdicts tested on constructed numbers.
 */
public interface Experiment {
  /** The name on the command line, e.g. {@code glorot2010}. */
  String name();

  /** One line for {@code reproduce --list}. */
  String title();

  /** The reference, e.g. "Glorot &amp; Bengio, AISTATS 2010". */
  String reference();

  /** The runs, smaller and shorter with {@code mode.quick()}. */
  List<RunPlan> plans(Mode mode);

  /** The claims decided on {@code runs} (in the order of {@link #plans}) and the tables behind them. */
  Outcome judge(List<RunResult> runs, Mode mode);

  /**
   * What an experiment concluded.
   *
   * @param claims one per claim checked
   * @param body Markdown: the setup and the tables of measured numbers behind the claims
   */
  record Outcome(List<Claim> claims, String body) {}
}
