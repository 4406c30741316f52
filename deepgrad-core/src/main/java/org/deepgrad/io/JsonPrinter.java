package org.deepgrad.io;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of {@code Map<String, ?>} (in iteration order), {@code List<?>}, {@code String},
 * {@code Integer}/{@code Long}, {@code Double}, {@code Float} and {@code Boolean} as indented JSON
 * that people can read and edit: one object member per line, two spaces per level, arrays of plain
 * values on one line. Floats and doubles are written by {@link Float#toString} and
 * {@link Double#toString}, whose digits read back to the same value, bit for bit (e.g. by
 * {@link JsonReader#parseDocument} and {@code BigDecimal.floatValue()}).
 */
final class JsonPrinter {
  private JsonPrinter() {}

  /** The JSON text of {@code value}, ending with a newline. */
  static String print(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, "");
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      writeMembers(sb, map, indent);
    } else if (value instanceof List<?> list) {
      boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
      String inner = indent + "  ";
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(flat ? (i == 0 ? "" : " ") : "\n" + inner);
        write(sb, list.get(i), inner);
      }
      sb.append(flat || list.isEmpty() ? "" : "\n" + indent).append(']');
    } else if (value instanceof String s) {
      JsonWriter.writeString(sb, s);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d + "; only finite numbers can be written");
      }
      sb.append(value);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      sb.append(value);
    } else {
      throw new IllegalArgumentException("cannot write " + value + " as JSON");
    }
  }

  private static void writeMembers(StringBuilder sb, Map<?, ?> map, String indent) {
    String inner = indent + "  ";
    sb.append('{');
    String sep = "\n";
    for (Map.Entry<?, ?> e : map.entrySet()) {
      sb.append(sep).append(inner);
      JsonWriter.writeString(sb, (String) e.getKey());
      sb.append(": ");
      write(sb, e.getValue(), inner);
      sep = ",\n";
    }
    sb.append(map.isEmpty() ? "" : "\n" + indent).append('}');
  }
}
