package org.deepgrad.run.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often something happens during training: every {@code count} steps (batches) or epochs.
 * Written {@code 500steps}, {@code 500 steps}, {@code 2epochs}, or a bare {@code 2} (epochs).
 */
public record Interval(long count, Unit unit) {
  /** What {@link #count} counts. */
  public enum Unit {
    /** Optimizer steps, one per batch. */
    STEPS,
    /** Passes over the training split. */
    EPOCHS
  }

  private static final Pattern FORM = Pattern.compile("(\\d{1,15})\\s*(steps?|epochs?)?");

  /** Checks the count is at least 1. */
  public Interval {
    if (count < 1) throw new IllegalArgumentException("the count " + count + " must be at least 1");
  }

  /**
   * The interval {@code text} describes.
   *
   * @throws IllegalArgumentException naming the text and the valid forms
   */
  public static Interval parse(String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not an interval; write N steps or N epochs, "
          + "e.g. 500steps or 1epoch (a bare number counts epochs)");
    }
    Unit unit = m.group(2) != null && m.group(2).startsWith("step") ? Unit.STEPS : Unit.EPOCHS;
    return new Interval(Long.parseLong(m.group(1)), unit);
  }

  @Override
  public String toString() {
    return count + (unit == Unit.STEPS ? " step" : " epoch") + (count == 1 ? "" : "s");
  }
}
