package org.deepgrad.train;

import org.deepgrad.data.Dataset;
import org.deepgrad.nn.Module;

/**
 * Scores a classifier on a labelled data set: a shorthand for
 * {@code Objective.classification().evaluate(model, data)} (evaluation mode, no tape, in chunks,
 * the model's mode restored afterwards).
 */
public final class Evaluation {
  private Evaluation() {}

  /** Mean cross-entropy and accuracy (fraction of samples whose largest logit is the label). */
  public record Score(double loss, double accuracy) {}

  /** Mean cross-entropy and accuracy of {@code model} on {@code data}. */
  public static Score score(Module model, Dataset data) {
    Metrics m = Objective.classification().evaluate(model, data);
    return new Score(m.loss(), m.accuracy().orElseThrow());
  }

  /** Accuracy alone; see {@link #score}. */
  public static double accuracy(Module model, Dataset data) {
    return score(model, data).accuracy();
  }
}
