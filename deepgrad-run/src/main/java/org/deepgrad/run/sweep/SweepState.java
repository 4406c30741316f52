package org.deepgrad.run.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.io.FolderLock;
import org.deepgrad.run.config.RunException;

/**
 * The sweep's own record, {@code OUT/sweep.json} (the grid file, its base, axes and target, and the
 * cell ids), and the check that an output directory can take a plan without mixing results of
 * different settings: a cell directory whose {@code cell.json} holds another configuration hash
 * than the cell now has is a conflict, refused with exit code 2 unless {@code --force} is given,
 * which deletes those cells so that they run again. Values added to an axis are no conflict:
 * their cells are new, and the finished ones are reused.
 */
public final class SweepState {
  public static final String FILE = "sweep.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SweepState() {}

  /**
   * Checks {@code out} for {@code plan}; with {@code force} deletes the conflicting cells.
   *
   * @return the ids of the cells deleted
   */
  static List<String> check(Path out, Plan plan, boolean force) throws IOException {
    checkOwn(out);
    List<Cell> conflicts = new ArrayList<>();
    for (Cell c : plan.cells()) {
      String hash = CellRunner.hash(c.dir());
      if (hash != null && !hash.equals(c.hash())) conflicts.add(c);
    }
    if (conflicts.isEmpty()) return List.of();
    if (!force) {
      Cell first = conflicts.get(0);
      throw new RunException("the output directory " + out + " holds results of a different grid: "
          + conflicts.size() + " of " + plan.cells().size() + " cells were run with other settings (cell "
          + first.id() + ": " + Objects.requireNonNullElse(difference(CellRunner.config(first.dir()), first.canonical(), ""),
          "its settings changed") + "). Mixing them "
          + "would compare unlike runs: choose a new directory with --out DIR, or pass --force to delete those "
          + "cells and run them again.");
    }
    List<String> deleted = new ArrayList<>();
    for (Cell c : conflicts) {
      delete(c.dir());
      deleted.add(c.id());
    }
    return deleted;
  }

  /** Fails unless {@code out} is absent, empty (but for a lock file) or a sweep's directory. */
  static void checkOwn(Path out) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new RunException("the output " + out + " is a file, not a directory; choose another directory with "
          + "--out DIR.");
    }
    if (Files.isDirectory(out) && !Files.exists(out.resolve(FILE)) && !isEmpty(out)) {
      throw new RunException("the output directory " + out + " exists and does not hold a sweep (no " + FILE
          + "); choose another directory with --out DIR.");
    }
  }

  /** Writes {@code OUT/sweep.json}. */
  static void write(Path out, Grid g, Plan plan) throws IOException {
    ObjectNode n = JSON.createObjectNode().put("grid", g.file() == null ? null : g.file().toAbsolutePath().toString())
        .put("name", g.name());
    n.set("base", g.base());
    ObjectNode axes = n.putObject("axes");
    for (Axis a : g.axes()) a.values().forEach(axes.putArray(a.name())::add);
    if (g.target() != null) n.putObject("target").put(g.target().metric(), g.target().value());
    ArrayNode cells = n.putArray("cells");
    plan.cells().forEach(c -> cells.add(c.id()));
    Files.createDirectories(out);
    byte[] text = (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(out.resolve(FILE), s -> s.write(text));
  }

  /** {@code OUT/sweep.json} read back; a file that does not parse is bad input naming it. */
  static JsonNode read(Path out) throws IOException {
    Path file = out.resolve(FILE);
    try {
      return JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new RunException(file + " is damaged (" + e.getOriginalMessage() + "); run the sweep again to rewrite it.");
    }
  }

  /** The first key where {@code was} and {@code now} differ: {@code model.batch_norm was true, now false}. */
  static String difference(JsonNode was, JsonNode now, String path) {
    if (was.isObject() && now.isObject()) {
      List<String> keys = new ArrayList<>();
      was.fieldNames().forEachRemaining(keys::add);
      for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!keys.contains(k)) keys.add(k);
      }
      for (String k : keys) {
        String d = difference(was.path(k), now.path(k), path.isEmpty() ? k : path + "." + k);
        if (d != null) return d;
      }
      return null;
    }
    if (was.equals(now)) return null;
    return path + " was " + (was.isMissingNode() ? "absent" : was) + ", now " + (now.isMissingNode() ? "absent" : now);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.allMatch(f -> f.getFileName().toString().equals(FolderLock.FILE));
    }
  }

  /** Deletes {@code dir} and everything in it. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
