package org.deepgrad.io;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A JSON object from an untrusted file ({@link JsonReader#parseDocument}), read through typed getters
 * whose errors are {@link ModelFileException}s naming the file, the JSON path ({@code layers[2].units}),
 * what was expected and what was found.
 */
final class JsonFields {
  private final Path file;
  private final String path;
  private final Map<?, ?> map;

  private JsonFields(Path file, String path, Map<?, ?> map) {
    this.file = file;
    this.path = path;
    this.map = map;
  }

  /** The top-level value, which must be an object. */
  static JsonFields root(Path file, Object value) throws ModelFileException {
    if (!(value instanceof Map<?, ?> m)) throw new ModelFileException(file, "the top level: expected an object, found " + found(value));
    return new JsonFields(file, "", m);
  }

  /** The path of member {@code key}, e.g. {@code layers[2].units}; of this object itself for "". */
  String place(String key) {
    return key.isEmpty() ? path : path.isEmpty() ? key : path + "." + key;
  }

  /** An error at {@code place}. */
  ModelFileException error(String place, String problem) {
    return new ModelFileException(file, place + ": " + problem);
  }

  /** Rejects any member not named in {@code allowed}. */
  void allow(String... allowed) throws ModelFileException {
    List<String> keys = Arrays.asList(allowed);
    for (Object k : map.keySet()) {
      if (!keys.contains(k)) {
        throw error(path.isEmpty() ? "the top level" : path, "unknown key " + quote((String) k) + "; allowed here: " + keys);
      }
    }
  }

  /** Whether member {@code key} is present. */
  boolean has(String key) {
    return map.containsKey(key);
  }

  private Object get(String key) throws ModelFileException {
    if (!map.containsKey(key)) throw error(place(key), "missing");
    return map.get(key);
  }

  String string(String key) throws ModelFileException {
    if (!(get(key) instanceof String s)) throw error(place(key), "expected a string, found " + found(map.get(key)));
    return s;
  }

  long integer(String key) throws ModelFileException {
    if (!(get(key) instanceof Long n)) throw error(place(key), "expected an integer, found " + found(map.get(key)));
    return n;
  }

  int positiveInt(String key, int max) throws ModelFileException {
    if (!(get(key) instanceof Long n) || n < 1) {
      throw error(place(key), "expected a positive integer, found " + found(map.get(key)));
    }
    if (n > max) throw error(place(key), n + " is above the limit of " + max);
    return (int) (long) n;
  }

  double number(String key) throws ModelFileException {
    Object v = get(key);
    double d = v instanceof Long n ? n : v instanceof BigDecimal b ? b.doubleValue() : Double.NaN;
    if (!Double.isFinite(d)) throw error(place(key), "expected a finite number, found " + found(v));
    return d;
  }

  /** An array of numbers as floats, each read exactly as {@code Float.parseFloat} reads its text. */
  float[] floats(String key) throws ModelFileException {
    List<?> items = array(key);
    float[] out = new float[items.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = items.get(i);
      out[i] = v instanceof Long n ? n : v instanceof BigDecimal b ? b.floatValue() : Float.NaN;
      if (!Float.isFinite(out[i])) throw error(place(key) + "[" + i + "]", "expected a finite 32-bit number, found " + found(v));
    }
    return out;
  }

  List<String> strings(String key) throws ModelFileException {
    List<String> out = new ArrayList<>();
    for (Object v : array(key)) {
      if (!(v instanceof String s)) throw error(place(key) + "[" + out.size() + "]", "expected a string, found " + found(v));
      out.add(s);
    }
    return out;
  }

  /** An object whose values are all strings, in file order. */
  /**
   * The object under {@code key} whose values are strings, booleans or numbers: a whole number that
   * fits as a {@code Long}, any other as a {@code Double}.
   */
  Map<String, Object> scalarMap(String key) throws ModelFileException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : object(key).map.entrySet()) {
      Object v = e.getValue();
      if (v instanceof BigDecimal d) v = d.doubleValue();
      if (!(v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double)
          || v instanceof Double d && !Double.isFinite(d)) {
        throw error(place(key), "the value of " + quote((String) e.getKey()) + " must be a string, a number or a "
            + "boolean, found " + found(e.getValue()));
      }
      out.put((String) e.getKey(), v);
    }
    return out;
  }


  List<?> array(String key) throws ModelFileException {
    if (!(get(key) instanceof List<?> list)) throw error(place(key), "expected an array, found " + found(map.get(key)));
    return list;
  }

  JsonFields object(String key) throws ModelFileException {
    if (!(get(key) instanceof Map<?, ?> m)) throw error(place(key), "expected an object, found " + found(map.get(key)));
    return new JsonFields(file, place(key), m);
  }

  /** Element {@code i} of the array {@code items} (member {@code key}), which must be an object. */
  JsonFields objectAt(String key, List<?> items, int i) throws ModelFileException {
    String at = place(key) + "[" + i + "]";
    if (!(items.get(i) instanceof Map<?, ?> m)) throw error(at, "expected an object, found " + found(items.get(i)));
    return new JsonFields(file, at, m);
  }

  /** {@code make}'s value; its {@link IllegalArgumentException} becomes an error at member {@code key}. */
  <T> T check(String key, Supplier<T> make) throws ModelFileException {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file, place(key) + ": " + e.getMessage(), e);
    }
  }

  /** A parsed value as a message shows it: strings quoted (and cut at 60 characters), containers by kind. */
  static String found(Object v) {
    if (v instanceof Map) return "an object";
    if (v instanceof List) return "an array";
    return v instanceof String s ? quote(s) : String.valueOf(v);
  }

  /** {@code s} as a JSON string, cut after 60 characters (whole code points) so a message stays short. */
  private static String quote(String s) {
    boolean cut = s.codePointCount(0, s.length()) > 60;
    StringBuilder sb = new StringBuilder();
    JsonWriter.writeString(sb, cut ? s.substring(0, s.offsetByCodePoints(0, 60)) + "..." : s);
    return sb.toString();
  }
}
