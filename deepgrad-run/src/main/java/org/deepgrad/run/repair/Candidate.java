package org.deepgrad.run.repair;

import java.util.List;
import java.util.stream.Collectors;
import org.deepgrad.diagnostics.Finding;

/**
 * A run a repair tried: the run as given with {@code changes} made, in order (none: the run itself),
 * and how it did over the budget.
 *
 * @param changes the changes from the run as given; the last is the one its round tried
 * @param target the finding of the round's base whose remedies the last change comes from; null for the run itself
 * @param trial the run trained for the budget
 */
record Candidate(List<Change.Made> changes, Finding.Kind target, Trial trial) {
  /** What the table calls the run as given. */
  static final String AS_GIVEN = "(the run as given)";

  /** Copies the changes. */
  Candidate {
    changes = List.copyOf(changes);
  }

  /** The change its round tried; null for the run itself. */
  Change.Made last() {
    return changes.isEmpty() ? null : changes.get(changes.size() - 1);
  }

  /** {@code BATCH_NORM + INIT_HE}, or {@link #AS_GIVEN}. */
  String name() {
    return changes.isEmpty() ? AS_GIVEN
        : changes.stream().map(c -> c.remedy().kind().name()).collect(Collectors.joining(" + "));
  }

  /** The findings of {@code base} that this run no longer has, by kind. */
  List<Finding.Kind> removed(Trial base) {
    return base.kinds().stream().filter(k -> !trial.kinds().contains(k)).distinct().toList();
  }

  /** The findings this run has that {@code base} had not. */
  List<Finding.Kind> added(Trial base) {
    return trial.kinds().stream().filter(k -> !base.kinds().contains(k)).distinct().toList();
  }
}
