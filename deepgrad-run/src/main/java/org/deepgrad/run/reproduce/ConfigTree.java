package org.deepgrad.run.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A training config as a tree of the sections {@code deepgrad train} reads (data, model, optimizer,
 * schedule, training), built by dotted keys: {@code ConfigTree.create().set("model.hidden", "256x5")}.
 * The runner writes it as YAML and loads it with {@link org.deepgrad.cli.TrainConfig#load}, so every
 * run of a reproduction is validated as a config file is and can be rerun with {@code deepgrad train}.
 */
final class ConfigTree {
  static final YAMLMapper YAML = new YAMLMapper();

  private final ObjectNode root;

  private ConfigTree(ObjectNode root) {
    this.root = root;
  }

  /** An empty config: every key at {@code deepgrad train}'s default. */
  static ConfigTree create() {
    return new ConfigTree(JsonNodeFactory.instance.objectNode());
  }

  /** The config in a YAML file, e.g. one of {@code examples/}. */
  static ConfigTree read(Path file) throws IOException {
    JsonNode n = YAML.readTree(file.toFile());
    if (!(n instanceof ObjectNode o)) throw new IOException(file + ": not a mapping of config sections");
    return new ConfigTree(o);
  }

  /** A copy with {@code key} (e.g. {@code training.epochs}) set to a string, number or boolean. */
  ConfigTree set(String key, Object value) {
    ObjectNode copy = root.deepCopy();
    String[] parts = key.split("\\.");
    ObjectNode n = copy;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = n.get(parts[i]);
      // a shorthand scalar section (optimizer: adam, schedule: cosine) becomes a mapping
      if (!(child instanceof ObjectNode)) {
        ObjectNode o = n.putObject(parts[i]);
        if (child != null && child.isValueNode()) o.set(parts[i].equals("optimizer") ? "name" : "spec", child);
        child = o;
      }
      n = (ObjectNode) child;
    }
    String last = parts[parts.length - 1];
    if (value instanceof Integer v) n.put(last, v);
    else if (value instanceof Long v) n.put(last, v);
    else if (value instanceof Double v) n.put(last, v);
    else if (value instanceof Boolean v) n.put(last, v);
    else n.put(last, String.valueOf(value));
    return new ConfigTree(copy);
  }

  /** The value at a dotted key as text, or null when absent. */
  String get(String key) {
    JsonNode n = root;
    for (String p : key.split("\\.")) {
      n = n == null ? null : n.get(p);
    }
    return n == null || n.isContainerNode() ? null : n.asText();
  }

  /** A copy of the tree. */
  ObjectNode tree() {
    return root.deepCopy();
  }
}
