package org.deepgrad.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad report RUN_DIR}: (re)builds {@code RUN_DIR/report.html} and {@code RUN_DIR/charts/*.png}
 * from the files a {@code train} run left there ({@link RunReport}); a directory without metrics.jsonl
 * is bad input (exit 2).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Rebuild the report (report.html, charts/*.png) of a run directory from its files.")
public final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A directory 'deepgrad train' wrote (its --out).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Path page = RunReport.write(dir);
    spec.commandLine().getOut().println("report written to " + page);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
