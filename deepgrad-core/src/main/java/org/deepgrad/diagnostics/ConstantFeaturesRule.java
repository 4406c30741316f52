package org.deepgrad.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CONSTANT_FEATURES (info): features with one value in every training sample carry no information.
 * Features that are 0 throughout are left alone: they add nothing to any pre-activation nor to any
 * gradient (∂loss/∂W = δ·xᵀ is 0 in their column), exactly as if absent, and are common (mnist-10k has
 * 114 pixels that are 0 in all 8,000 training digits). A constant c ≠ 0 acts as a second bias whose
 * step is c² times the bias's under SGD. Reported when some feature is constant at a value other than
 * 0, or when every feature is constant (nothing to learn from: the data was likely read wrongly).
 */
final class ConstantFeaturesRule implements Rule {
  /** The label of the count of constant features (read by {@link Causes}). */
  static final String CONSTANT = "constant features";
  /** The label of the count of features. */
  static final String FEATURES = "features";

  @Override
  public Optional<Finding> check(History h) {
    InputStats in = h.inputs();
    if (in == null) return Optional.empty();
    int constant = in.constantFeatures();
    int nonZero = nonZero(in);
    int first = -1;
    for (int j = 0; j < in.features() && first < 0; j++) if (constantNonZero(in, j)) first = j;
    boolean all = constant == in.features();
    if (nonZero == 0 && !all) return Optional.empty();
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put(CONSTANT, (double) constant);
    numbers.put(FEATURES, (double) in.features());
    numbers.put("constant features other than 0", (double) nonZero);
    if (first >= 0) numbers.put("value of feature " + first, in.min()[first]);
    String why = all
        ? "Every one of the " + in.features() + " features has one value in all " + in.rows()
            + " training samples: there is nothing to learn from; the data was likely read wrongly."
        : nonZero + " of " + in.features() + " features have one value other than 0 in all " + in.rows()
            + " training samples (the first: feature " + first + ", " + History.fmt(in.min()[first]) + "): they carry "
            + "no information and act as extra biases.";
    return Optional.of(new Finding(Finding.Kind.CONSTANT_FEATURES, all ? Finding.Severity.ERROR : Finding.Severity.INFO,
        List.of(), numbers, why, all ? List.of(Remedy.of(Remedy.Kind.CHECK_INPUTS))
            : List.of(Remedy.of(Remedy.Kind.STANDARDIZE_INPUTS), Remedy.of(Remedy.Kind.CHECK_INPUTS))));
  }

  /** The features constant at a value other than 0. */
  static int nonZero(InputStats in) {
    int n = 0;
    for (int j = 0; j < in.features(); j++) if (constantNonZero(in, j)) n++;
    return n;
  }

  private static boolean constantNonZero(InputStats in, int j) {
    return in.constant(j) && in.min()[j] != 0;
  }
}
