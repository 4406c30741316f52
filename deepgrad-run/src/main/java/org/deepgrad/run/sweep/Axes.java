package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.deepgrad.run.config.Suggest;
import org.deepgrad.run.config.TrainConfig;

/**
 * Reads the grid's {@code axes:} mapping: known names ({@link Axis#PATHS}) or {@code SECTION.KEY},
 * each a non-empty list of distinct values; depth and width whole numbers; hidden not together
 * with depth or width; no two axes on one key. Whether a value suits its key (an activation's name,
 * a positive lr) is checked by building the configs ({@link Plan}).
 */
final class Axes {
  private static final String EXAMPLE = "e.g. lr: [0.1, 0.01]";

  private Axes() {}

  static List<Axis> read(Path file, JsonNode node) {
    if (node == null || node.isNull()) throw Grid.bad(file, "no `axes`: give at least one axis to sweep, " + EXAMPLE + ".");
    if (!node.isObject()) throw Grid.bad(file, "`axes` = " + node + ": must be a mapping of axis names to lists of values, " + EXAMPLE + ".");
    if (node.isEmpty()) throw Grid.bad(file, "`axes` is empty: give at least one axis to sweep, " + EXAMPLE + ".");
    List<Axis> axes = new ArrayList<>();
    Map<String, String> byPath = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Axis axis = new Axis(name(file, e.getKey()), values(file, e.getKey(), e.getValue()));
      String path = axis.name().equals("width") ? "width" : axis.name().equals("depth") ? "depth" : axis.path();
      String other = byPath.put(path, axis.name());
      if (other != null) throw Grid.bad(file, "`axes." + other + "` and `axes." + axis.name() + "` both set " + path + "; keep one.");
      axes.add(axis);
    }
    boolean hidden = byPath.containsKey("model.hidden");
    if (hidden && (byPath.containsKey("depth") || byPath.containsKey("width"))) {
      throw Grid.bad(file, "`axes." + byPath.get("model.hidden") + "` and `axes." + (byPath.containsKey("depth") ? "depth"
          : "width") + "` both set model.hidden; give either hidden (a list of widths per cell) or depth and width.");
    }
    return axes;
  }

  private static String name(Path file, String name) {
    if (Axis.PATHS.containsKey(name)) return name;
    if (name.contains(".")) {
      String section = name.substring(0, name.indexOf('.'));
      List<String> sections = TrainConfig.SECTIONS.stream().filter(s -> !s.equals("output")).toList();
      if (!sections.contains(section) || name.endsWith(".") || name.contains("..")) {
        throw Grid.bad(file, "axis `axes." + name + "`: a SECTION.KEY axis sets that config key, and SECTION must be one of "
            + String.join(", ", sections) + Suggest.didYouMean(section, sections) + " (the sweep sets output itself).");
      }
      if (name.equals("training.threads")) {
        throw Grid.bad(file, "axis `axes.training.threads`: the thread count is one setting for the whole sweep; give it "
            + "with --threads N.");
      }
      return name;
    }
    throw Grid.bad(file, "unknown axis `axes." + name + "`" + Suggest.didYouMean(name, Axis.PATHS.keySet())
        + " The axes are: " + String.join(", ", Axis.PATHS.keySet()) + ", or SECTION.KEY for any other config key "
        + "(e.g. optimizer.momentum).");
  }

  private static List<JsonNode> values(Path file, String name, JsonNode v) {
    String key = "`axes." + name + "`";
    if (!v.isArray()) throw Grid.bad(file, key + " = " + v + ": must be a list of values, e.g. [" + v + "].");
    if (v.isEmpty()) throw Grid.bad(file, key + " is empty: give at least one value.");
    List<JsonNode> values = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode x = v.get(i);
      String at = "`axes." + name + "[" + i + "]` = " + x + ": ";
      boolean list = x.isArray() && name.equals("hidden");
      if (!list && (x.isContainerNode() || x.isNull())) throw Grid.bad(file, at + "must be a single value.");
      if (name.equals("depth") || name.equals("width")) whole(file, at, x, name.equals("depth") ? 0 : 1);
      int earlier = values.indexOf(x);
      if (earlier >= 0) throw Grid.bad(file, at + "repeats `axes." + name + "[" + earlier + "]`; list each value once.");
      values.add(x);
    }
    return values;
  }

  private static void whole(Path file, String at, JsonNode x, int min) {
    boolean ok = x.isIntegralNumber() && x.canConvertToInt() && x.intValue() >= min;
    if (!ok) throw Grid.bad(file, at + "must be a whole number >= " + min + (min == 0 ? " (0: no hidden layer)" : "") + ".");
  }
}
