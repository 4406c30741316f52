package org.deepgrad.diagnostics;

import java.util.Optional;

/** A verdict rule: turns a run's statistics into at most one finding. Rules are pure functions of the history. */
public interface Rule {
  /** The finding this rule makes on {@code history}, if any. */
  Optional<Finding> check(History history);
}
