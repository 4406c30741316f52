package org.deepgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepgrad.io.FolderLock;
import org.deepgrad.run.files.Locks;
import org.deepgrad.run.files.MetricsLog;
import org.deepgrad.run.files.Outputs;
import org.deepgrad.run.report.RunReport;
import org.deepgrad.run.sweep.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad report DIR}: (re)builds {@code DIR/report.html} and {@code DIR/charts/*.png} from the
 * files a {@code train} run left there ({@link RunReport}), or, for a directory a {@code sweep} wrote
 * (sweep.json, no metrics.jsonl), {@code DIR/results.html} and its charts ({@link SweepReport}); a
 * directory that is neither is bad input (exit 2). It holds the directory's lock while it writes, so it
 * is refused while a run or sweep is still writing there.
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
    Path page;
    if (!SweepReport.isSweep(dir) && !Files.isRegularFile(dir.resolve(MetricsLog.FILE))) {
      page = RunReport.write(dir); // neither a run's nor a sweep's: says what is wrong, writing nothing
    } else {
      try (FolderLock lock = Locks.hold(dir, "deepgrad report")) {
        boolean sweep = SweepReport.isSweep(dir);
        Path[] written = new Path[1];
        Outputs.write("the report in " + dir, "Free space on that disk or make the directory writable, then run "
            + "deepgrad report " + dir + " again.", () -> written[0] = sweep ? SweepReport.rebuild(dir) : RunReport.write(dir));
        page = written[0];
      }
    }
    spec.commandLine().getOut().println("report written to " + page);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
