package org.deepgrad.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny run's report in headless chromium, through scripts/check-report.sh: it renders, the console
 * stays silent and every chart loads; the same page with one chart's bytes damaged fails the check.
 * Skipped where chromium is not on the PATH.
 */
class ReportBrowserTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "check-report.sh");

  @TempDir
  Path dir;

  @Test
  void chromiumRendersEveryChart() throws Exception {
    Assumptions.assumeTrue(onPath("chromium"), "chromium is not on the PATH");
    Path run = dir.resolve("run");
    RunReportTest.train(run);
    Path shot = dir.resolve("shot.png");
    Check ok = check(run, shot.toString());
    assertEquals(0, ok.code(), ok.output());
    assertTrue(ok.output().contains(RunReportTest.CHARTS.size() + " charts loaded"), ok.output());
    assertTrue(Files.size(shot) > 10_000, "screenshot " + Files.size(shot) + " bytes");

    Path html = run.resolve(RunReport.FILE);
    String page = Files.readString(html);
    int at = page.indexOf("base64,") + "base64,".length();
    Files.writeString(html, page.substring(0, at) + "AAAA" + page.substring(at + 4)); // a PNG without its signature
    Check broken = check(run);
    assertEquals(1, broken.code(), broken.output());
    assertTrue(broken.output().contains("broken 1 of " + RunReportTest.CHARTS.size()), broken.output());
  }

  private record Check(int code, String output) {}

  private static Check check(Path run, String... shot) throws IOException, InterruptedException {
    String[] command = new String[2 + shot.length];
    command[0] = SCRIPT.toString();
    command[1] = run.toString();
    System.arraycopy(shot, 0, command, 2, shot.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), "check-report.sh did not end");
    return new Check(p.exitValue(), output);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, program))) return true;
    return false;
  }
}
