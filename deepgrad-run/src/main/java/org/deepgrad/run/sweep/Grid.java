package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deepgrad.run.config.ConfigFiles;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.Suggest;
import org.deepgrad.run.config.TrainConfig;

/**
 * A sweep grid file, read and checked (the values themselves are checked when the cells' configs
 * are built, {@link Plan}):
 *
 * <pre>
 * base: vanishing-sigmoid.yaml    # a train config, relative to this file; or a mapping of its sections
 * axes:                           # the cross product of these runs, first axis slowest
 *   depth: [2, 5, 10]
 *   activation: [sigmoid, relu]
 * target: {accuracy: 0.9}         # optional: "epochs to target"
 * output: runs/my-sweep           # optional: default runs/sweep-NAME (NAME: this file's name)
 * name: "d{depth}-{activation}"   # optional: the cell id template; default depth=2,activation=sigmoid
 * </pre>
 *
 * @param file the grid file; null for a grid a Java program built ({@link Sweep#of})
 * @param name the grid's name: the file name without {@code .yaml}
 * @param base the base config tree (a copy, owned by this grid), as the file gives it
 * @param typedBase the base a Java program gave, whose axes set typed values; null for a grid file
 * @param target the target, or null
 * @param output the output directory the file gives, or null
 * @param template the cell id template, or null
 */
public record Grid(Path file, String name, ObjectNode base, List<Axis> axes, Target target, Path output, String template,
    TrainConfig typedBase) {
  static final List<String> KEYS = List.of("base", "axes", "target", "output", "name");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  /** Reads {@code file}; every error names the key path in the file and what is allowed. */
  public static Grid read(Path file) {
    ObjectNode root = ConfigFiles.read(file);
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw bad(file, "unknown key `" + key + "`" + Suggest.didYouMean(key, KEYS) + " The keys of a sweep grid are: "
            + String.join(", ", KEYS) + ".");
      }
    }
    String fileName = file.getFileName().toString();
    String name = fileName.replaceFirst("\\.ya?ml$", "");
    List<Axis> axes = Axes.read(file, root.get("axes"));
    String template = text(file, root, "name");
    if (template != null) checkTemplate(file, template, axes);
    String output = text(file, root, "output");
    return new Grid(file, name, base(file, root.get("base")), axes, target(file, root.get("target")),
        output == null ? null : Path.of(output), template, null);
  }

  /** An error about this grid: {@code sweep grid FILE: problem}, or {@code sweep NAME: problem} for a grid built in Java. */
  RunException bad(String problem) {
    return file != null ? bad(file, problem) : new RunException("sweep " + name + ": " + problem);
  }

  /** An error about the grid {@code file}: the file, then {@code problem}. */
  static RunException bad(Path file, String problem) {
    return new RunException("sweep grid " + file + ": " + problem);
  }

  private static ObjectNode base(Path file, JsonNode v) {
    if (v == null || v.isNull()) return JsonNodeFactory.instance.objectNode();
    if (v.isObject()) return ((ObjectNode) v).deepCopy();
    if (!v.isTextual()) {
      throw bad(file, "`base` = " + v + ": must be the path of a train config file (relative to the grid file) or "
          + "a mapping with a train config's sections (data, model, optimizer, schedule, training).");
    }
    Path dir = file.toAbsolutePath().getParent();
    return ConfigFiles.read(dir.resolve(v.asText()));
  }

  private static Target target(Path file, JsonNode v) {
    if (v == null || v.isNull()) return null;
    if (!v.isObject() || v.size() != 1) {
      throw bad(file, "`target` = " + v + ": must be one metric and its value, e.g. {accuracy: 0.9}; the metrics are "
          + String.join(", ", Target.METRICS) + ".");
    }
    Map.Entry<String, JsonNode> e = v.fields().next();
    if (!Target.METRICS.contains(e.getKey())) {
      throw bad(file, "unknown target metric `target." + e.getKey() + "`" + Suggest.didYouMean(e.getKey(), Target.METRICS)
          + " The metrics are: " + String.join(", ", Target.METRICS) + ".");
    }
    JsonNode x = e.getValue();
    double value = x.isNumber() ? x.doubleValue() : x.isTextual() ? parse(x.asText()) : Double.NaN;
    if (!Double.isFinite(value)) throw bad(file, "`target." + e.getKey() + "` = " + x + ": must be a finite number.");
    return new Target(e.getKey(), value);
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String text(Path file, ObjectNode root, String key) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual() || v.asText().isBlank()) throw bad(file, "`" + key + "` = " + v + ": must be text.");
    return v.asText();
  }

  private static void checkTemplate(Path file, String template, List<Axis> axes) {
    List<String> names = new ArrayList<>(axes.stream().map(Axis::name).toList());
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!names.contains(m.group(1))) {
        throw bad(file, "`name` = \"" + template + "\": {" + m.group(1) + "} is not an axis" + Suggest.didYouMean(
            m.group(1), names) + " The placeholders are the axes: {" + String.join("}, {", names) + "}.");
      }
    }
  }

  /** The cell id {@link #template} gives for {@code values} (axis name to id text). */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(values.get(m.group(1))));
    m.appendTail(b);
    return b.toString();
  }
}
