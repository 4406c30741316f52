package org.deepgrad.train;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How well a model does on some samples: the objective's mean loss and the metrics of its task.
 *
 * @param loss the mean of the objective's loss over the samples (cross-entropy or MSE), without any
 *     L2 penalty
 * @param accuracy classification: the fraction of samples whose largest logit is the label
 * @param mse regression: mean over all n·k target elements of (prediction − target)², in double
 * @param r2 regression: the coefficient of determination R² = 1 − SS_res / SS_tot, averaged over
 *     the k outputs (scikit-learn's {@code r2_score}, {@code multioutput="uniform_average"})
 */
public record Metrics(double loss, OptionalDouble accuracy, OptionalDouble mse, OptionalDouble r2) {

  /** Metrics of a classifier. */
  public static Metrics classification(double loss, double accuracy) {
    return new Metrics(loss, OptionalDouble.of(accuracy), OptionalDouble.empty(), OptionalDouble.empty());
  }

  /** Metrics of a regressor. */
  public static Metrics regression(double loss, double mse, double r2) {
    return new Metrics(loss, OptionalDouble.empty(), OptionalDouble.of(mse), OptionalDouble.of(r2));
  }

  /** For example {@code loss 0.3127, accuracy 91.40%} or {@code loss 0.0102, mse 0.0102, R² 0.9871}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "loss %.4f", loss));
    accuracy.ifPresent(a -> sb.append(String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * a)));
    mse.ifPresent(m -> sb.append(String.format(Locale.ROOT, ", mse %.4g", m)));
    r2.ifPresent(r -> sb.append(String.format(Locale.ROOT, ", R² %.4f", r)));
    return sb.toString();
  }
}
