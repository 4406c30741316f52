package org.deepgrad.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * INPUT_NAN_OR_INF: some training inputs are NaN or infinite. No threshold: one such value makes the
 * loss of its batch NaN, and after one update every weight it reached. Names the first such feature
 * and counts them all.
 */
final class InputNonFiniteRule implements Rule {

  @Override
  public Optional<Finding> check(History h) {
    InputStats in = h.inputs();
    if (in == null || in.nonFiniteFeatures() == 0) return Optional.empty();
    int first = 0;
    long values = 0;
    for (int j = in.features() - 1; j >= 0; j--) {
      values += in.nonFinite()[j];
      if (in.nonFinite()[j] > 0) first = j;
    }
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("features with NaN or infinite values", (double) in.nonFiniteFeatures());
    numbers.put("NaN or infinite values", (double) values);
    numbers.put("first such feature", (double) first);
    return Optional.of(new Finding(Finding.Kind.INPUT_NAN_OR_INF, Finding.Severity.ERROR, List.of(), numbers,
        values + " training input values in " + in.nonFiniteFeatures() + " of " + in.features()
            + " features are NaN or infinite (the first in feature " + first + "): each makes its batch's loss NaN, and "
            + "one update spreads it to the weights.", List.of(Remedy.of(Remedy.Kind.CHECK_INPUTS))));
  }
}
