package org.deepgrad.run.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses hidden layer widths as {@code --hidden} and {@code model.hidden} give them: comma-separated
 * parts, each {@code WIDTH} or {@code WIDTHxCOUNT}. {@code 128,64,32} is three layers,
 * {@code 256x10} ten layers of 256, {@code 512,256x3} is 512, 256, 256, 256; {@code none} is no
 * hidden layer (a linear or logistic-regression model).
 */
public final class Hidden {
  /** The widest layer and the most layers accepted: far beyond what trains on a CPU, short of overflow. */
  static final int MAX_WIDTH = 1 << 20;
  static final int MAX_LAYERS = 10_000;
  static final String FORMS = "comma-separated widths, each WIDTH or WIDTHxCOUNT (e.g. 128,64,32 or 256x10 "
      + "or 512,256x3), or none";

  private Hidden() {}

  /**
   * The widths {@code spec} lists.
   *
   * @throws IllegalArgumentException naming the bad part and the valid forms
   */
  public static List<Integer> parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    List<Integer> widths = new ArrayList<>();
    if (s.equals("none")) return widths;
    for (String part : s.split(",", -1)) {
      String[] f = part.trim().split("x", -1);
      if (f.length > 2) throw bad(part, "it has more than one 'x'");
      int width = number(part, f[0], "width", MAX_WIDTH);
      int count = f.length == 2 ? number(part, f[1], "count", MAX_LAYERS) : 1;
      if (widths.size() + count > MAX_LAYERS) throw bad(part, "more than " + MAX_LAYERS + " layers in all");
      for (int i = 0; i < count; i++) widths.add(width);
    }
    return widths;
  }

  private static int number(String part, String text, String what, int max) {
    String t = text.trim();
    if (!t.matches("\\d{1,9}")) throw bad(part, "the " + what + " '" + t + "' is not a positive whole number");
    int n = Integer.parseInt(t);
    if (n < 1 || n > max) throw bad(part, "the " + what + " " + n + " is not in [1, " + max + "]");
    return n;
  }

  private static IllegalArgumentException bad(String part, String problem) {
    return new IllegalArgumentException("part '" + part.trim() + "': " + problem + "; expected " + FORMS);
  }
}
