package org.deepgrad.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for untrusted files, in two modes. {@link #parse} reads safetensors
 * headers: objects (keys unique, order kept), arrays, strings (every escape, including four-hex-digit
 * unicode escapes with surrogate pairs) and integers that fit a {@code long}; fractions, exponents,
 * {@code true}, {@code false} and {@code null} are rejected, so a hostile header cannot smuggle in
 * values the format never uses. {@link #parseDocument} reads any JSON document (model.json). Both
 * reject duplicate keys and nesting deeper than {@link #MAX_DEPTH}, so input cannot overflow the stack.
 *
 * <p>Values read are {@code Map<String, Object>} (a {@link LinkedHashMap}), {@code List<Object>},
 * {@code String} and {@code Long}; documents add {@link BigDecimal} (a number with a fraction or an
 * exponent, or an integer beyond a {@code long}: exact, so a float written as text reads back bit for
 * bit), {@link Boolean}, and {@code null} for JSON null.
 */
final class JsonReader {
  /**
   * A header is three levels deep (header, tensor entry, shape), a model.json about two per nested
   * residual block; the rest is slack.
   */
  static final int MAX_DEPTH = 16;
  /** Far more than any float or integer needs (a double prints in at most 25). */
  static final int MAX_NUMBER_CHARS = 100;

  /** Malformed or unsupported JSON; the message names the character offset and what was wrong. */
  static final class SyntaxException extends Exception {
    SyntaxException(int offset, String problem) {
      super(problem + " at character " + offset);
    }
  }

  private final String text;
  private final boolean document;
  private int pos;

  private JsonReader(String text, boolean document) {
    this.text = text;
    this.document = document;
  }

  /** Parses a safetensors header: one value spanning all of {@code text} (surrounding whitespace allowed). */
  static Object parse(String text) throws SyntaxException {
    return parse(text, false);
  }

  /** Parses a JSON document: one value of any JSON kind spanning all of {@code text}. */
  static Object parseDocument(String text) throws SyntaxException {
    return parse(text, true);
  }

  private static Object parse(String text, boolean document) throws SyntaxException {
    JsonReader p = new JsonReader(text, document);
    Object value = p.value(0);
    p.skipWhitespace();
    if (p.pos < text.length()) throw p.error("unexpected text after the JSON value");
    return value;
  }

  private Object value(int depth) throws SyntaxException {
    skipWhitespace();
    if (pos >= text.length()) throw error("unexpected end of the JSON, expected a value");
    char c = text.charAt(pos);
    if (c == '{' || c == '[') {
      if (depth >= MAX_DEPTH) throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
      return c == '{' ? object(depth + 1) : array(depth + 1);
    }
    if (c == '"') return string();
    if (c == '-' || isDigit(c)) return number();
    if (document) {
      for (String word : new String[] {"true", "false", "null"}) {
        if (text.startsWith(word, pos)) {
          pos += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word.equals("true"));
        }
      }
      throw error("unexpected character '" + c + "'");
    }
    throw error("unexpected character '" + c + "' (a safetensors header holds only objects, arrays,"
        + " strings and integers)");
  }

  private Map<String, Object> object(int depth) throws SyntaxException {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++; // '{'
    skipWhitespace();
    if (consume('}')) return map;
    do {
      skipWhitespace();
      if (pos >= text.length() || text.charAt(pos) != '"') throw error("expected a string key");
      int keyAt = pos;
      String key = string();
      skipWhitespace();
      if (!consume(':')) throw error("expected ':' after key \"" + key + "\"");
      if (map.containsKey(key)) throw new SyntaxException(keyAt, "duplicate key \"" + key + "\" (keys must be unique)");
      map.put(key, value(depth));
      skipWhitespace();
    } while (consume(','));
    if (!consume('}')) throw error("expected ',' or '}' in an object");
    return map;
  }

  private List<Object> array(int depth) throws SyntaxException {
    List<Object> list = new ArrayList<>();
    pos++; // '['
    skipWhitespace();
    if (consume(']')) return list;
    do {
      list.add(value(depth));
      skipWhitespace();
    } while (consume(','));
    if (!consume(']')) throw error("expected ',' or ']' in an array");
    return list;
  }

  private String string() throws SyntaxException {
    StringBuilder sb = new StringBuilder();
    pos++; // opening quote
    while (true) {
      if (pos >= text.length()) throw error("unterminated string");
      char c = text.charAt(pos++);
      if (c == '"') return sb.toString();
      if (c < 0x20) throw error("unescaped control character U+" + hex4(c) + " in a string");
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) throw error("unterminated escape");
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append(unicodeEscape());
        default -> throw error("invalid escape '\\" + e + "'");
      }
    }
  }

  /** The character(s) of a unicode escape, with the low half that must follow a high surrogate. */
  private String unicodeEscape() throws SyntaxException {
    char high = hexChar();
    if (Character.isLowSurrogate(high)) throw error("unpaired low surrogate \\u" + hex4(high));
    if (!Character.isHighSurrogate(high)) return String.valueOf(high);
    if (!text.startsWith("\\u", pos)) throw error("unpaired high surrogate \\u" + hex4(high));
    pos += 2;
    char low = hexChar();
    if (!Character.isLowSurrogate(low)) throw error("unpaired high surrogate \\u" + hex4(high));
    return new String(new char[] {high, low});
  }

  private char hexChar() throws SyntaxException {
    if (pos + 4 > text.length()) throw error("truncated \\u escape");
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos + i), 16);
      if (d < 0) throw error("invalid hex digit in a \\u escape");
      v = v * 16 + d;
    }
    pos += 4;
    return (char) v;
  }

  /**
   * A number: {@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?}. A {@code Long} when it is an
   * integer that fits; otherwise, in a document, a {@link BigDecimal}, and in a header an error.
   */
  private Object number() throws SyntaxException {
    int start = pos;
    consume('-');
    if (pos < text.length() && text.charAt(pos) == '0' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
      throw error("integer with a leading zero");
    }
    digits();
    boolean integral = true;
    if (pos < text.length() && ".eE".indexOf(text.charAt(pos)) >= 0) {
      if (!document) throw error("fractional or exponent number (a safetensors header holds integers only)");
      integral = false;
      if (consume('.')) digits();
      if (consume('e') || consume('E')) {
        if (!consume('+')) consume('-');
        digits();
      }
    }
    String token = text.substring(start, pos);
    if (token.length() > MAX_NUMBER_CHARS) { // BigDecimal parsing is quadratic in the digits
      throw new SyntaxException(start, "number with more than " + MAX_NUMBER_CHARS + " characters");
    }
    try {
      if (integral) return Long.parseLong(token);
    } catch (NumberFormatException tooLarge) {
      if (!document) throw new SyntaxException(start, "integer too large for 64 bits");
    }
    try {
      return new BigDecimal(token);
    } catch (NumberFormatException e) { // an exponent beyond the int range
      throw new SyntaxException(start, "number out of range: " + token);
    }
  }

  private void digits() throws SyntaxException {
    if (pos >= text.length() || !isDigit(text.charAt(pos))) throw error("expected a digit");
    while (pos < text.length() && isDigit(text.charAt(pos))) pos++;
  }

  private static String hex4(char c) {
    return String.format("%04x", (int) c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private boolean consume(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) pos++;
  }

  private SyntaxException error(String problem) {
    return new SyntaxException(pos, problem);
  }
}
