package org.deepgrad.optim;

import java.lang.reflect.Array;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads torch-named hyper-parameters ({@code weight_decay}, {@code betas}) from a map of numbers,
 * booleans, pairs or their string forms (as a CLI or JSON gives them), remembering which names were
 * asked for so that {@link #finish()} can reject the ones no preset knows.
 */
final class TorchArgs {
  private final String optimizer;
  private final Map<String, ?> values;
  private final Set<String> known = new LinkedHashSet<>();

  TorchArgs(String optimizer, Map<String, ?> values) {
    this.optimizer = optimizer;
    this.values = values;
  }

  double num(String key, double dflt) {
    known.add(key);
    return values.containsKey(key) ? number(key, values.get(key)) : dflt;
  }

  /** A value torch requires (SGD's lr has no default). */
  double required(String key) {
    known.add(key);
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException(optimizer + ": hyper-parameter '" + key + "' is required (torch has no "
          + "default for it); give it, e.g. " + key + "=0.01");
    }
    return number(key, values.get(key));
  }

  boolean bool(String key, boolean dflt) {
    known.add(key);
    Object v = values.get(key);
    if (v == null && !values.containsKey(key)) return dflt;
    if (v instanceof Boolean b) return b;
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw bad(key, v, "true or false");
  }

  /** A pair such as torch's {@code betas}: a list or array of two numbers, or "0.9,0.999". */
  double[] pair(String key, double first, double second) {
    known.add(key);
    if (!values.containsKey(key)) return new double[] {first, second};
    Object v = values.get(key);
    Object[] items = null;
    if (v instanceof List<?> list) items = list.toArray();
    else if (v != null && v.getClass().isArray()) {
      items = new Object[Array.getLength(v)];
      for (int i = 0; i < items.length; i++) items[i] = Array.get(v, i);
    } else if (v instanceof String s) items = s.replaceAll("[()\\[\\]\\s]", "").split(",");
    if (items == null || items.length != 2) throw bad(key, v, "a pair of numbers such as [0.9, 0.999]");
    return new double[] {number(key, items[0]), number(key, items[1])};
  }

  /** Fails on any name that was not asked for, listing the known ones. */
  void finish() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(optimizer + ": unknown hyper-parameter(s) " + unknown + "; "
          + optimizer + " takes " + known + " (torch.optim's names)");
    }
  }

  private double number(String key, Object v) {
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw bad(key, v, "a number");
      }
    }
    throw bad(key, v, "a number");
  }

  private IllegalArgumentException bad(String key, Object v, String expected) {
    return new IllegalArgumentException(optimizer + ": hyper-parameter '" + key + "' = " + v + " is not "
        + expected + "; give " + expected);
  }
}
