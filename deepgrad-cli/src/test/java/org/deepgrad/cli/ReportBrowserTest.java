package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deepgrad.run.report.BrowserCheck;
import org.deepgrad.run.report.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny run's report in headless chromium, through scripts/check-report.sh: it renders, the console
 * stays silent and every chart loads; the same page with one chart's bytes damaged fails the check.
 * Skipped where chromium is not on the PATH. (SweepReportTest and ReproductionPageTest check their
 * pages the same way.)
 */
class ReportBrowserTest {
  @TempDir
  Path dir;

  @Test
  void chromiumRendersEveryChart() throws Exception {
    BrowserCheck.assumeChromium();
    Path run = dir.resolve("run");
    RunReportTest.train(run);
    Path shot = dir.resolve("shot.png");
    BrowserCheck ok = BrowserCheck.of(run, shot.toString());
    assertEquals(0, ok.code(), ok.output());
    assertTrue(ok.output().contains(RunReportTest.CHARTS.size() + " charts loaded"), ok.output());
    assertTrue(Files.size(shot) > 10_000, "screenshot " + Files.size(shot) + " bytes");

    Path html = run.resolve(RunReport.FILE);
    String page = Files.readString(html);
    int at = page.indexOf("base64,") + "base64,".length();
    Files.writeString(html, page.substring(0, at) + "AAAA" + page.substring(at + 4)); // a PNG without its signature
    BrowserCheck broken = BrowserCheck.of(run);
    assertEquals(1, broken.code(), broken.output());
    assertTrue(broken.output().contains("broken 1 of " + RunReportTest.CHARTS.size()), broken.output());
  }
}
