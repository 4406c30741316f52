package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.run.report.BrowserCheck;
import org.deepgrad.run.report.Charts;
import org.deepgrad.run.report.DotPlots;
import org.deepgrad.run.report.PageChecks;
import org.deepgrad.run.sweep.CellResult;
import org.deepgrad.run.sweep.SweepReport;
import org.deepgrad.run.sweep.SweepState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.html of a tiny sweep (2 cells, 2 epochs of 160 spirals samples): its table, charts and rebuilding. */
class SweepReportTest {
  static final String GRID = Sweeps.BASE + "target: {accuracy: 0.5}\naxes:\n  activation: [sigmoid, relu]\n";
  /** The charts of a classification sweep with a validation split and a target, in page order. */
  static final List<String> CHARTS = List.of("final-loss", "final-accuracy", "loss-curves", "target", "grad-ratio");
  static final List<String> CELLS = List.of("activation=sigmoid", "activation=relu");

  @TempDir
  static Path dir;
  static Path grid;
  static Path out;

  @BeforeAll
  static void sweep() throws IOException {
    grid = Sweeps.grid(dir, "g.yaml", GRID);
    out = dir.resolve("out");
    Cli.Run r = Cli.run("sweep", grid.toString(), "--output", out.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("and " + out.resolve(SweepReport.FILE)), r::toString);
  }

  @Test
  void thePageHasTheTableAChartOfEachKindAndALinkToEachCellsReport() throws IOException {
    String html = PageChecks.assertSelfContained(out, SweepReport.FILE, CHARTS, "cells/");
    for (String cell : CELLS) {
      assertTrue(html.contains("<tr><td>" + cell + "</td>"), "a table row for " + cell);
      String link = "href=\"cells/" + cell + "/report.html\"";
      assertTrue(html.contains(link), link);
      assertTrue(Files.isRegularFile(out.resolve("cells").resolve(cell).resolve("report.html")), cell);
    }
    assertTrue(html.contains("2 of 2 cells have a result") && html.contains("best: activation="), html);
  }

  @Test
  void everyChartIsAPngOfTheSizeThePageGivesIt() throws IOException {
    for (String name : CHARTS) {
      boolean dots = name.startsWith("final") || name.equals("grad-ratio");
      PageChecks.assertPng(out.resolve("charts").resolve(name + ".png"), Charts.WIDTH,
          dots ? DotPlots.height(CELLS.size()) : Charts.HEIGHT);
    }
  }

  @Test
  void reportRebuildsThePageFromTheSweepsFiles() throws IOException {
    Path copy = dir.resolve("copy");
    copyTree(out, copy);
    Files.delete(copy.resolve(SweepReport.FILE));
    for (String name : CHARTS) Files.delete(copy.resolve("charts").resolve(name + ".png"));
    Files.writeString(copy.resolve("charts/final-r2.png"), "a chart of an earlier page");
    Cli.Run r = Cli.run("report", copy.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains(copy.resolve(SweepReport.FILE).toString()), r::toString);
    String html = Files.readString(copy.resolve(SweepReport.FILE));
    assertEquals(CHARTS, PageChecks.figures(html));
    for (String cell : CELLS) assertTrue(html.contains("<tr><td>" + cell + "</td>"), cell);
    for (String name : CHARTS) assertTrue(Files.size(copy.resolve("charts").resolve(name + ".png")) > 1000, name);
    assertFalse(Files.exists(copy.resolve("charts/final-r2.png")), "charts/ holds the page's charts only");

    Files.writeString(copy.resolve(SweepState.FILE), "{\"name\": ");
    Cli.Run damaged = Cli.run("report", copy.toString());
    assertEquals(2, damaged.code(), damaged::toString);
    assertTrue(damaged.err().contains("sweep.json is damaged"), damaged::toString);
  }

  @Test
  void aRerunThatResumesTheSweepRewritesThePage() throws IOException {
    Path again = dir.resolve("again");
    copyTree(out, again);
    Files.delete(again.resolve("cells/activation=relu").resolve(CellResult.FILE));
    String before = Files.readString(again.resolve(SweepReport.FILE));
    Files.writeString(again.resolve(SweepReport.FILE), "stale");
    Cli.Run r = Cli.run("sweep", grid.toString(), "--output", again.toString());
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("2 cells, 1 finished earlier; running 1"), r::toString);
    String html = Files.readString(again.resolve(SweepReport.FILE));
    assertNotEquals("stale", html);
    assertEquals(PageChecks.figures(before), PageChecks.figures(html));
  }

  @Test
  void chromiumRendersThePageAndEveryChart() throws Exception {
    BrowserCheck.assumeChromium();
    BrowserCheck check = BrowserCheck.of(out);
    assertEquals(0, check.code(), check.output());
    assertTrue(check.output().contains(SweepReport.FILE + " renders, no console messages, " + CHARTS.size()
        + " charts loaded"), check.output());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }
}
