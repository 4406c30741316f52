package org.deepgrad.io;

/**
 * Writes JSON strings for safetensors headers, escaping exactly what serde_json (the reference
 * writer) escapes: quote, backslash and control characters; everything else is written as is and
 * later encoded as UTF-8. The rest of a header (braces, integers) is plain text built by the caller.
 */
final class JsonWriter {
  private JsonWriter() {}

  /** Appends {@code s} as a JSON string; rejects unpaired surrogates, which UTF-8 cannot encode. */
  static void writeString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c) && !isPairedAt(s, i)) {
        throw new IllegalArgumentException("\"" + s + "\" contains an unpaired surrogate at index " + i
            + "; names and metadata must be valid Unicode to be stored as UTF-8");
      }
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c < 0x20 ? "\\u" + hex4(c) : String.valueOf(c));
      }
    }
    sb.append('"');
  }

  private static boolean isPairedAt(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static String hex4(char c) {
    return String.format("%04x", (int) c);
  }
}
