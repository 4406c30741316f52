package org.deepgrad.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepgrad.cli.sweep.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad report DIR}: (re)builds {@code DIR/report.html} and {@code DIR/charts/*.png} from the
 * files a {@code train} run left there ({@link RunReport}), or, for a directory a {@code sweep} wrote
 * (sweep.json, no metrics.jsonl), {@code DIR/results.html} and its charts ({@link SweepReport}); a
 * directory that is neither is bad input (exit 2).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Rebuild the report of a run directory (report.html, charts/*.png) or of a sweep directory "
        + "(results.html, charts/*.png) from its files.")
public final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A directory 'deepgrad train' wrote (its --out), or one "
      + "'deepgrad sweep' wrote (its --out).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Path page = SweepReport.isSweep(dir) ? SweepReport.rebuild(dir) : RunReport.write(dir);
    spec.commandLine().getOut().println("report written to " + page);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
