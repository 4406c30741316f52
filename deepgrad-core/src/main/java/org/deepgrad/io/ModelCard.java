package org.deepgrad.io;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deepgrad.nn.ModelSpec;

/**
 * What is saved with a model's weights so it can be rebuilt and used on raw data: its layers, its
 * task, the class names, the input preprocessing, and free-form information (dataset, metrics,
 * command line...), which also goes into the weights file's safetensors metadata (as text there,
 * whose values are strings).
 *
 * @param spec the layers; rebuilt on load, then the weights are loaded into it
 * @param task classification or regression
 * @param classes the class names in output order (empty: unnamed, or a regression); when given for
 *     a classification there is one per output, without duplicates
 * @param pre the input transform; null means {@link Preprocessing#identity()}
 * @param info named values kept in insertion order, each a {@code String}, a {@code Boolean}, an
 *     {@code Integer} or {@code Long}, or a finite {@code Double} (JSON has no NaN: give such a value as
 *     text); null means none
 */
public record ModelCard(ModelSpec spec, Task task, List<String> classes, Preprocessing pre, Map<String, Object> info) {

  /** Validates the fields against each other (see the parameters); copies the collections. */
  public ModelCard {
    if (spec == null || task == null) throw new IllegalArgumentException("a model card needs a spec and a task");
    if (classes != null && classes.stream().anyMatch(Objects::isNull)) throw new IllegalArgumentException("a null class name");
    classes = classes == null ? List.of() : List.copyOf(classes);
    if (task == Task.REGRESSION && !classes.isEmpty()) {
      throw new IllegalArgumentException("a regression model has no classes, got " + classes);
    }
    if (!classes.isEmpty() && classes.size() != spec.outputs()) {
      throw new IllegalArgumentException(classes.size() + " class names for a model with " + spec.outputs()
          + " outputs; name every output, or none");
    }
    if (new HashSet<>(classes).size() != classes.size()) {
      throw new IllegalArgumentException("class names must be unique, got " + classes);
    }
    pre = pre == null ? Preprocessing.identity() : pre;
    checkStats("mean", pre.mean(), spec.inputs());
    checkStats("std", pre.std(), spec.inputs());
    Map<String, Object> copy = new LinkedHashMap<>();
    if (info != null) {
      info.forEach((k, v) -> {
        if (k == null || v == null) throw new IllegalArgumentException("model info " + k + " = " + v + ": null");
        boolean finite = !(v instanceof Double d) || Double.isFinite(d);
        if (!(v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
            || v instanceof Double) || !finite) {
          throw new IllegalArgumentException("model info " + k + " = " + v + ": give a string, a boolean, a whole "
              + "number or a finite double (as text otherwise)");
        }
        copy.put(k, v);
      });
    }
    info = Collections.unmodifiableMap(copy);
  }

  /** The info value under {@code key} as text ({@code 42} for 42 or "42"), or null when absent. */
  public String infoText(String key) {
    Object v = info.get(key);
    return v == null ? null : v.toString();
  }

  private static void checkStats(String name, float[] stats, int inputs) {
    if (stats != null && stats.length != 1 && stats.length != inputs) {
      throw new IllegalArgumentException("preprocessing has " + stats.length + " " + name + " values for a model"
          + " with " + inputs + " inputs; give one per input, or one for all");
    }
  }
}
