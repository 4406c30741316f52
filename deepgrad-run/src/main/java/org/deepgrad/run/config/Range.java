package org.deepgrad.run.config;

/** An interval of allowed numbers, printed as in "must be >= 0" or "must be in [0, 1)". */
record Range(double min, boolean minClosed, double max, boolean maxClosed) {
  static Range any() {
    return new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  }

  static Range atLeast(double min) {
    return new Range(min, true, Double.POSITIVE_INFINITY, false);
  }

  static Range closedOpen(double min, double max) {
    return new Range(min, true, max, false);
  }

  boolean contains(double x) {
    return (minClosed ? x >= min : x > min) && (maxClosed ? x <= max : x < max);
  }

  @Override
  public String toString() {
    if (Double.isInfinite(min) && Double.isInfinite(max)) return "finite";
    if (Double.isInfinite(max)) return (minClosed ? ">= " : "> ") + fmt(min);
    return "in " + (minClosed ? "[" : "(") + fmt(min) + ", " + fmt(max) + (maxClosed ? "]" : ")");
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
