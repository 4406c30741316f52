package org.deepgrad.run.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs scripts/check-report.sh on a report page in headless chromium (it renders, the console stays
 * silent, every chart loads); the calling test is skipped where chromium is not on the PATH.
 *
 * @param code the script's exit code: 0 all holds, 1 it does not (the output says why)
 * @param output what it printed, e.g. {@code ok: ... 5 charts loaded}
 */
public record BrowserCheck(int code, String output) {
  private static final Path SCRIPT = Path.of("..", "scripts", "check-report.sh");

  /** Skips the calling test unless chromium is on the PATH. */
  public static void assumeChromium() {
    Assumptions.assumeTrue(onPath("chromium"), "chromium is not on the PATH");
  }

  /** The check of the page in {@code dirOrPage} (a directory: its report.html, else results.html), with an optional screenshot. */
  public static BrowserCheck of(Path dirOrPage, String... screenshot) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), dirOrPage.toString()));
    command.addAll(List.of(screenshot));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), "check-report.sh did not end");
    return new BrowserCheck(p.exitValue(), output);
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, program))) return true;
    return false;
  }
}
