package org.deepgrad.cli.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rebuilds the results of a sweep from the {@code result.json} of every cell of the plan that has one. */
final class Results {
  private Results() {}

  /** The table of {@code plan}'s results as they are on disk now. */
  static ResultsTable table(Grid g, Plan plan) {
    List<CellResult> rows = new ArrayList<>();
    for (Cell c : plan.cells()) {
      CellResult r = CellResult.read(c.dir());
      if (r != null && r.hash().equals(c.hash())) rows.add(r);
    }
    return ResultsTable.of(g.axes().stream().map(Axis::name).toList(), rows, g.target());
  }

  /** Writes {@code results.csv} and {@code results.md} of {@link #table} into {@code out}; returns the table. */
  static ResultsTable write(Path out, Grid g, Plan plan) throws IOException {
    ResultsTable t = table(g, plan);
    ResultsFiles.write(out, g.name(), t);
    return t;
  }
}
