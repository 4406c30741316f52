package org.deepgrad.io;

import java.util.Arrays;
import java.util.Locale;

/** What a saved model predicts: class scores (logits) or real-valued targets. */
public enum Task {
  /** One logit per class; the prediction is the arg max, the classes are named in the card. */
  CLASSIFICATION,
  /** One real value per output. */
  REGRESSION;

  /** The name in model.json and configs: {@code classification} or {@code regression}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The task with this config name (case-insensitive). */
  public static Task byName(String name) {
    for (Task t : values()) {
      if (t.configName().equalsIgnoreCase(name == null ? "" : name.trim())) return t;
    }
    throw new IllegalArgumentException("unknown task '" + name + "'; choose one of "
        + Arrays.stream(values()).map(Task::configName).toList());
  }
}
