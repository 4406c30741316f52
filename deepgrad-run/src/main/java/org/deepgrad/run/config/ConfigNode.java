package org.deepgrad.run.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict view of one mapping of the configuration tree that knows its key path
 * ({@code optimizer.groups[1]}) and which flag set each value, so that every error names the key
 * (or the flag and its key), the value found and what is allowed. A null value counts as absent.
 */
public final class ConfigNode {
  private final JsonNode node;
  private final String path;
  private final Map<String, String> flags;

  ConfigNode(JsonNode node, String path, Map<String, String> flags) {
    this.node = node == null || node.isNull() || node.isMissingNode() ? JsonNodeFactory.instance.objectNode() : node;
    this.path = path;
    this.flags = flags;
    if (!this.node.isObject()) throw new RunException(where() + " must be a mapping of keys to values, found " + node);
  }

  /** The full path of {@code key} under this mapping, e.g. {@code optimizer.lr}. */
  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** How messages name {@code key}: {@code `optimizer.lr`}, or {@code --lr (optimizer.lr)} when a flag set it. */
  String describe(String key) {
    String full = path(key);
    String flag = flags.get(full);
    return flag != null ? flag + " (" + full + ")" : "`" + full + "`";
  }

  /** Fails on the first key not in {@code allowed}, listing the allowed keys and the nearest one. */
  void allowOnly(Collection<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new RunException(end("unknown key `" + path(key) + "`" + Suggest.didYouMean(key, allowed))
            + " The keys allowed in " + where() + " are: " + String.join(", ", allowed) + ".");
      }
    }
  }

  /** Whether {@code key} is given (and not null). */
  boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  /** The raw value of {@code key}, or null when absent. */
  JsonNode raw(String key) {
    return has(key) ? node.get(key) : null;
  }

  /** The mapping under {@code key} (empty when absent). */
  ConfigNode section(String key) {
    JsonNode v = raw(key);
    if (v != null && !v.isObject()) throw bad(key, "must be a mapping of keys to values");
    return new ConfigNode(v, path(key), flags);
  }

  /** The items of the list under {@code key}, each a mapping (empty when absent). */
  List<ConfigNode> sections(String key) {
    JsonNode v = raw(key);
    if (v == null) return List.of();
    if (!v.isArray()) throw bad(key, "must be a list of mappings");
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isObject()) throw bad(key, "item " + i + " must be a mapping of keys to values, found " + v.get(i));
      items.add(new ConfigNode(v.get(i), path(key) + "[" + i + "]", flags));
    }
    return items;
  }

  /** The text under {@code key}, or {@code dflt}; numbers and booleans are not text. */
  String text(String key, String dflt) {
    JsonNode v = raw(key);
    if (v == null) return dflt;
    if (!v.isTextual()) throw bad(key, "must be text");
    return v.asText();
  }

  /** {@code text}, the value of {@code key} or part of it, as a path; text no file can be named by (a NUL) is an error. */
  Path filePath(String key, String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw bad(key, "is not a valid path: " + e.getReason());
    }
  }

  /** The text under {@code key}, lower-cased, which must be one of {@code allowed}. */
  String choice(String key, String dflt, Collection<String> allowed) {
    String s = text(key, dflt);
    if (s == null) return null;
    String lower = s.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      throw bad(key, "must be one of " + String.join(", ", allowed) + Suggest.didYouMean(lower, allowed));
    }
    return lower;
  }

  /** The boolean under {@code key} ({@code true}/{@code false}), or {@code dflt}. */
  boolean bool(String key, boolean dflt) {
    JsonNode v = raw(key);
    if (v == null) return dflt;
    if (v.isBoolean()) return v.booleanValue();
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) return Boolean.parseBoolean(v.asText());
    throw bad(key, "must be true or false");
  }

  /** The finite number under {@code key}, or {@code dflt}, checked against {@code range}. */
  double number(String key, double dflt, Range range) {
    JsonNode v = raw(key);
    if (v == null) return dflt;
    double x = number(key, v);
    if (!range.contains(x)) throw bad(key, "must be " + range);
    return x;
  }

  /** The whole number under {@code key}, or {@code dflt}, in [{@code min}, {@code max}]. */
  long whole(String key, long dflt, long min, long max) {
    JsonNode v = raw(key);
    if (v == null) return dflt;
    long x;
    if (v.isIntegralNumber() && v.canConvertToLong()) x = v.longValue();
    else if (v.isTextual() && v.asText().trim().matches("[-+]?\\d{1,18}")) x = Long.parseLong(v.asText().trim());
    else throw bad(key, "must be a whole number" + bounds(min, max));
    if (x < min || x > max) throw bad(key, "must be a whole number" + bounds(min, max));
    return x;
  }

  /** A finite number from a number or a numeric text node (YAML 1.1 reads {@code 1e-3} as text). */
  double number(String key, JsonNode v) {
    double x = Double.NaN;
    if (v.isNumber()) x = v.doubleValue();
    else if (v.isTextual()) {
      try {
        x = Double.parseDouble(v.asText().trim());
      } catch (NumberFormatException e) {
        throw bad(key, "must be a number");
      }
    }
    if (!Double.isFinite(x)) throw bad(key, "must be a finite number");
    return x;
  }

  /** An error about the value of {@code key}: "{key} = {value}: {problem}". */
  RunException bad(String key, String problem) {
    return new RunException(end(describe(key) + " = " + node.get(key) + ": " + problem));
  }

  /** {@code sentence} ending in a full stop (or the question mark of a suggestion). */
  public static String end(String sentence) {
    return sentence.endsWith(".") || sentence.endsWith("?") ? sentence : sentence + ".";
  }

  /** This mapping as messages name it: {@code `optimizer`}, or "the top level". */
  String where() {
    return path.isEmpty() ? "the top level" : "`" + path + "`";
  }

  private static String bounds(long min, long max) {
    if (max == Long.MAX_VALUE) return min == Long.MIN_VALUE ? "" : " >= " + min;
    return " in [" + min + ", " + max + "]";
  }
}
