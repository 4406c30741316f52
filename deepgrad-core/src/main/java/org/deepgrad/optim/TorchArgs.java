package org.deepgrad.optim;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A preset's hyper-parameters under torch.optim's names, read off its {@link Hyper} record, which is
 * their one home (Java names, torch's defaults in {@code defaults()}, torch's ranges in the compact
 * constructor): each record component is the torch parameter of the same name in snake_case
 * ({@code weightDecay} is {@code weight_decay}), except {@code beta1} and {@code beta2}, which are
 * torch's pair {@code betas}. Values come from a map of numbers, booleans, pairs or their string
 * forms (as a CLI or JSON gives them); a name not given keeps the default record's value, and a name
 * no component has is an error.
 */
final class TorchArgs {
  private final String optimizer;
  private final Record defaults;
  private final Set<String> required;

  /**
   * The torch names of {@code defaults}' components, for the preset {@code optimizer}; {@code required}
   * are the names torch has no default for (the default record then holds a placeholder).
   */
  TorchArgs(String optimizer, Record defaults, Set<String> required) {
    this.optimizer = optimizer;
    this.defaults = defaults;
    this.required = required;
  }

  /** Every hyper-parameter, in the record's order, with torch's default. */
  List<HyperParameter> parameters() {
    List<HyperParameter> out = new ArrayList<>();
    RecordComponent[] cs = components();
    for (int i = 0; i < cs.length; i++) {
      String name = torchName(cs[i]);
      Object value = required.contains(name) ? null : value(defaults, cs[i]);
      if (name.equals("betas")) {
        out.add(new HyperParameter(name, HyperParameter.Kind.PAIR, List.of(value, value(defaults, cs[++i]))));
      } else {
        boolean flag = cs[i].getType() == boolean.class;
        out.add(new HyperParameter(name, flag ? HyperParameter.Kind.BOOLEAN : HyperParameter.Kind.NUMBER, value));
      }
    }
    return out;
  }

  /** The record with {@code values} (by torch name) in place of the defaults, validated by its constructor. */
  @SuppressWarnings("unchecked")
  <H extends Record> H read(Map<String, ?> values) {
    RecordComponent[] cs = components();
    Object[] args = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    Set<String> known = new LinkedHashSet<>();
    for (int i = 0; i < cs.length; i++) {
      String name = torchName(cs[i]);
      known.add(name);
      types[i] = cs[i].getType();
      if (name.equals("betas")) {
        double[] pair = pair(values, name, (double) value(defaults, cs[i]), (double) value(defaults, cs[i + 1]));
        args[i] = pair[0];
        types[++i] = cs[i].getType();
        args[i] = pair[1];
      } else if (types[i] == boolean.class) {
        args[i] = values.containsKey(name) ? bool(name, values.get(name)) : value(defaults, cs[i]);
      } else if (values.containsKey(name)) {
        args[i] = number(name, values.get(name));
      } else if (required.contains(name)) {
        throw new IllegalArgumentException(optimizer + ": hyper-parameter '" + name + "' is required (torch has no "
            + "default for it); give it, e.g. " + name + "=0.01");
      } else {
        args[i] = value(defaults, cs[i]);
      }
    }
    H hyper = (H) construct(types, args);
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(optimizer + ": unknown hyper-parameter(s) " + unknown + "; "
          + optimizer + " takes " + known + " (torch.optim's names)");
    }
    return hyper;
  }

  private RecordComponent[] components() {
    return defaults.getClass().getRecordComponents();
  }

  /** torch's name of a component: snake_case, and {@code betas} for {@code beta1} (with beta2 after it). */
  private static String torchName(RecordComponent c) {
    if (c.getName().equals("beta1")) return "betas";
    return c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }

  private static Object value(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c + " of " + r, e);
    }
  }

  private Object construct(Class<?>[] types, Object[] args) {
    try {
      return defaults.getClass().getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) throw r; // the record's range checks
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + defaults.getClass().getSimpleName(), e);
    }
  }

  private boolean bool(String key, Object v) {
    if (v instanceof Boolean b) return b;
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw bad(key, v, "true or false");
  }

  /** A pair such as torch's {@code betas}: a list or array of two numbers, or "0.9,0.999". */
  private double[] pair(Map<String, ?> values, String key, double first, double second) {
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
