package org.deepgrad.run.sweep;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cell's id, its directory name: stable (the same axis values give the same id in every run, so
 * finished cells are found again) and readable: {@code depth=5,activation=relu,lr=0.01} by default,
 * or the grid's {@code name:} template filled in. Characters other than letters, digits and
 * {@code ._=,+-} become '_'; an id longer than {@value #MAX} characters is cut and ends in a hash
 * of the whole, so that it stays unique and a valid file name.
 */
final class CellIds {
  static final int MAX = 120;

  private CellIds() {}

  /** The id of the cell with {@code values} (axis name to value text, in grid order). */
  static String id(String template, Map<String, String> values) {
    String raw = template != null ? Grid.fill(template, values)
        : values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    String id = raw.replaceAll("[^A-Za-z0-9._=,+-]", "_");
    if (id.startsWith(".")) id = "_" + id;
    if (id.length() > MAX) id = id.substring(0, MAX - 13) + "-" + Cell.sha256(raw).substring(0, 12);
    return id;
  }
}
