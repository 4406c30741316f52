package org.deepgrad.run.reproduce;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one line of the CSV files deepgrad writes and its reports read back (a sweep's
 * results.csv, a reproduction's series): comma-separated, a field in double quotes may hold commas,
 * and {@code ""} inside it stands for one quote (RFC 4180 within a line; no field spans lines).
 */
public final class CsvLine {
  private CsvLine() {}

  /** The fields of {@code line}, unquoted: {@code a,"b, ""c""",} gives a, b, "c" and an empty one. */
  public static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        f.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }
}
