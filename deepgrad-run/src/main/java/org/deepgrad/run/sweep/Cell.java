package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.TrainConfig;

/**
 * One cell of a sweep: a normal training run in {@code OUT/cells/ID/}.
 *
 * @param index the cell's place in the grid's order (the first axis varies slowest), from 0
 * @param id the directory name: {@code depth=5,activation=relu} (or the grid's {@code name:}
 *     template), with characters other than letters, digits and {@code ._=,+-} replaced by '_'
 * @param values each axis's value as the id shows it, by axis name, in the grid's order
 * @param config the resolved configuration of the run
 * @param canonical the resolved configuration as a tree, without {@code output.dir} and
 *     {@code output.resume} (which say where, not what): what must match for an earlier result to count
 * @param hash the SHA-256 of {@code canonical}'s JSON text, hex
 */
public record Cell(int index, String id, Map<String, String> values, Path dir, TrainConfig config, ObjectNode canonical,
    String hash) {
  /** Copies the values. */
  public Cell {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The cell of {@code config}, with its canonical form and hash computed. */
  static Cell of(int index, String id, Map<String, String> values, Path dir, TrainConfig config) {
    ObjectNode canonical = ConfigPrinter.tree(config);
    if (canonical.get("output") instanceof ObjectNode o) o.remove(List.of("dir", "resume"));
    return new Cell(index, id, values, dir, config, canonical, sha256(canonical.toString()));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
