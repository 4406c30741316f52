package org.deepgrad.data;

import static org.deepgrad.data.DataFormatException.at;

/**
 * Strict parsing of one CSV value as a finite float32: optional spaces, an optional sign, digits
 * with an optional decimal point, an optional exponent ({@code -1.5e3}). Rejected, with the reason:
 * empty fields, NaN and infinities (a data set with them trains to NaN), values beyond the float
 * range (about 3.4e38), and Java-only forms ({@code 0x1p3}, {@code 2f}, {@code 1d}) that other tools
 * would not read the same way.
 */
final class CsvNumbers {
  private CsvNumbers() {}

  /**
   * The value of {@code text}.
   *
   * @param what the column, for the message, e.g. {@code column "x1"}
   */
  static float parse(String text, String file, long line, int column, String what) throws DataFormatException {
    String t = text.strip();
    if (t.isEmpty()) {
      throw at(file, line, column, what, "an empty field", "a number", "Fill in the value, or drop the row");
    }
    if (!decimal(t)) {
      String lower = t.toLowerCase(java.util.Locale.ROOT).replaceFirst("^[+-]", "");
      boolean special = lower.equals("nan") || lower.startsWith("inf");
      throw at(file, line, column, what, "\"" + abbreviate(text) + "\"", special ? "a finite number" : "a number",
          special ? "NaN and infinite values make training diverge: impute or drop them before loading"
              : "Fix the value, or check the delimiter and that this column is numeric");
    }
    float v = Float.parseFloat(t);
    if (Float.isInfinite(v)) {
      throw at(file, line, column, what, "\"" + abbreviate(text) + "\"", "a value within the float32 range (+-3.4e38)",
          "Rescale the column");
    }
    return v;
  }

  /** Whether {@code t} is [sign] digits [. digits] [e [sign] digits], with at least one mantissa digit. */
  static boolean decimal(String t) {
    int i = 0;
    int n = t.length();
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
    int digits = 0;
    while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') { i++; digits++; }
    if (i < n && t.charAt(i) == '.') {
      i++;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') { i++; digits++; }
    }
    if (digits == 0) return false;
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
      int exp = i;
      while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
      if (i == exp) return false;
    }
    return i == n;
  }

  /** The text, cut to 40 characters for messages. */
  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
