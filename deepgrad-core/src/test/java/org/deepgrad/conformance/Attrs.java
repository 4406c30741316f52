package org.deepgrad.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deepgrad.loss.Reduction;

/**
 * The {@code attrs} of a conformance case, read with torch's defaults, remembering which were read so
 * the case can flag attributes the op ignored. A {@code note}, and flags that only restate what the
 * case's params already say, need no reading.
 */
final class Attrs {
  private static final Set<String> DESCRIPTIVE = Set.of("note", "affine", "elementwise_affine",
      "track_running_stats", "bias");

  private final JsonNode node;
  private final Set<String> read = new HashSet<>();

  Attrs(JsonNode node) {
    this.node = node;
  }

  boolean has(String name) {
    return node.hasNonNull(name);
  }

  float f(String name, float defaultValue) {
    read.add(name);
    return has(name) ? (float) node.get(name).asDouble() : defaultValue;
  }

  int i(String name, int defaultValue) {
    read.add(name);
    if (!has(name)) return defaultValue;
    if (!node.get(name).canConvertToInt() || !node.get(name).isIntegralNumber()) {
      throw new IllegalArgumentException("attribute " + name + " must be an integer, got " + node.get(name));
    }
    return node.get(name).asInt();
  }

  String s(String name, String defaultValue) {
    read.add(name);
    return has(name) ? node.get(name).asText() : defaultValue;
  }

  boolean bool(String name) {
    read.add(name);
    return node.path(name).asBoolean();
  }

  int[] ints(String name) {
    read.add(name);
    JsonNode a = node.get(name);
    int[] v = new int[a.isArray() ? a.size() : 1];
    for (int k = 0; k < v.length; k++) v[k] = (a.isArray() ? a.get(k) : a).asInt();
    return v;
  }

  /** torch's {@code reduction}: "mean" (default), "sum" or "none". */
  Reduction reduction() {
    return Reduction.valueOf(s("reduction", "mean").toUpperCase(Locale.ROOT));
  }

  /** Batch norm's momentum, default 0.1; torch's None (a cumulative average) is not supported. */
  float momentum() {
    if (node.has("momentum") && node.get("momentum").isNull()) {
      throw new UnsupportedOperationException("momentum = None (cumulative moving average) is not supported");
    }
    return f("momentum", 0.1f);
  }

  /** The attributes present that no one read. */
  List<String> unused() {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!read.contains(n) && !DESCRIPTIVE.contains(n)) names.add(n + "=" + node.get(n));
    }
    return names;
  }
}
