package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Rebuilds the results of a sweep from the {@code result.json} of every cell of the grid that has one. */
final class Results {
  private Results() {}

  /** The table of {@code plan}'s results as they are on disk now. */
  static ResultsTable table(Grid g, Plan plan) {
    List<CellResult> rows = new ArrayList<>();
    for (Cell c : plan.cells()) add(rows, c.dir(), c.hash());
    return ResultsTable.of(g.axes().stream().map(Axis::name).toList(), rows, g.target());
  }

  /**
   * The table of the sweep in {@code out} from its files alone: the axes, target and cell ids of
   * {@code sweep.json} ({@link SweepState}), and each cell's result that was run with the configuration
   * its {@code cell.json} holds (a cell started again has a new cell.json and no result yet).
   */
  static ResultsTable read(Path out, JsonNode sweep) throws IOException {
    List<String> axes = new ArrayList<>();
    sweep.path("axes").fieldNames().forEachRemaining(axes::add);
    Target target = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = sweep.path("target").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      target = new Target(e.getKey(), e.getValue().asDouble());
    }
    List<CellResult> rows = new ArrayList<>();
    for (JsonNode id : sweep.path("cells")) {
      Path dir = out.resolve(Plan.CELLS).resolve(id.asText());
      add(rows, dir, CellRunner.hash(dir));
    }
    return ResultsTable.of(axes, rows, target);
  }

  private static void add(List<CellResult> rows, Path dir, String hash) {
    CellResult r = CellResult.read(dir);
    if (r != null && r.hash().equals(hash)) rows.add(r);
  }

  /** Writes {@code results.csv} and {@code results.md} of {@link #table} into {@code out}; returns the table. */
  static ResultsTable write(Path out, Grid g, Plan plan) throws IOException {
    ResultsTable t = table(g, plan);
    ResultsFiles.write(out, g.name(), t);
    return t;
  }
}
