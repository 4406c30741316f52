package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.deepgrad.run.config.TrainConfig;

/**
 * One axis of a sweep grid: a name and the values it takes, in the grid's order. A named axis sets
 * one config key ({@link #PATHS}); {@code depth} and {@code width} together set {@code model.hidden}
 * (depth layers of width units); a name of the form {@code SECTION.KEY} sets that key, so any
 * other setting (e.g. {@code optimizer.momentum}, {@code data.validation}) can be swept too.
 *
 * @param values the values, each a scalar (a list of widths for {@code hidden}), as sweep.json records them
 * @param typed for an axis a Java program gave ({@link Sweep.Builder#axis}): its values and what each
 *     sets; null for an axis of a grid file, which sets its config key
 */
record Axis(String name, List<JsonNode> values, Typed<?> typed) {
  /** The values of an axis given in Java and the change each makes to a configuration. */
  record Typed<T>(List<T> values, BiFunction<TrainConfig, T, TrainConfig> set) {
    /** The configuration {@code c} with the {@code i}-th value set. */
    TrainConfig apply(TrainConfig c, int i) {
      return set.apply(c, values.get(i));
    }
  }

  /** An axis of a grid file. */
  Axis(String name, List<JsonNode> values) {
    this(name, values, null);
  }

  /** The named axes and the config key each sets; depth and width set {@code model.hidden}. */
  static final Map<String, String> PATHS = paths();

  /** Copies the values. */
  Axis {
    values = List.copyOf(values);
  }

  /** The config key path this axis sets, e.g. {@code optimizer.lr}. */
  String path() {
    return name.contains(".") ? name : PATHS.get(name);
  }

  /** Whether this axis shapes {@code model.hidden}: depth, width or hidden. */
  boolean shapesHidden() {
    return path().equals("model.hidden");
  }

  /**
   * {@code v} as a cell id shows it: text as is, numbers without trailing zeros ({@code 0.01},
   * {@code 1e-5}), a list of widths joined by '-'.
   */
  static String text(JsonNode v) {
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> parts.add(text(x)));
      return String.join("-", parts);
    }
    if (v.isIntegralNumber()) return v.asText();
    if (v.isNumber()) {
      double d = v.doubleValue();
      if (d == 0 || Math.abs(d) >= 1e-4) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      return Double.toString(d).toLowerCase().replace(".0e", "e");
    }
    return v.asText();
  }

  private static Map<String, String> paths() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("depth", "model.hidden");
    m.put("width", "model.hidden");
    m.put("hidden", "model.hidden");
    for (String k : List.of("activation", "init", "batch_norm", "residual", "dropout")) m.put(k, "model." + k);
    m.put("optimizer", "optimizer.name");
    m.put("lr", "optimizer.lr");
    m.put("weight_decay", "optimizer.weight_decay");
    for (String k : List.of("batch_size", "clip_norm", "epochs", "seed")) m.put(k, "training." + k);
    return m;
  }
}
