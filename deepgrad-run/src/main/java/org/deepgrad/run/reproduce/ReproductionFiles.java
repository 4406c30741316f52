package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The CSV files of a reproduction's directory ({@link CsvFiles}), read back for its report.html.
 *
 * @param runs runs.csv: one row per run, in the experiment's order, with its label and end numbers
 * @param loss loss.csv: the training curves
 * @param eval eval.csv: the test metrics along the runs
 * @param layers layers.csv: the per-layer statistics at the sampled updates
 * @param claims claims.csv: the claims and their verdicts
 */
record ReproductionFiles(SeriesCsv runs, SeriesCsv loss, SeriesCsv eval, SeriesCsv layers, SeriesCsv claims) {
  static ReproductionFiles read(Path dir) throws IOException {
    return new ReproductionFiles(SeriesCsv.read(dir.resolve("runs.csv")), SeriesCsv.read(dir.resolve("loss.csv")),
        SeriesCsv.read(dir.resolve("eval.csv")), SeriesCsv.read(dir.resolve("layers.csv")),
        SeriesCsv.read(dir.resolve("claims.csv")));
  }

  /** The run names, in order. */
  List<String> names() {
    return runs.rows().stream().map(r -> r.get("run")).toList();
  }

  /** How the tables name {@code run}: its label, else its name. */
  String label(String run) {
    return runs.of(run).stream().map(r -> r.get("label")).filter(l -> l != null && !l.isEmpty()).findFirst().orElse(run);
  }

}
