package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepgrad.io.FolderLock;
import org.deepgrad.run.config.DataConfig;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.files.Locks;
import org.deepgrad.run.files.Outputs;
import org.deepgrad.run.files.RunContents;

/**
 * Runs one experiment: its plans one after another, then the verdicts, the report and the summary
 * lines, holding its directory's lock; a directory holding a train run or a sweep is refused.
 */
final class Reproduction {
  private Reproduction() {}

  /**
   * Runs {@code e} into {@code dir} and prints one line per run and per claim.
   *
   * @param fullData the data set of full mode in place of mnist-10k; null in quick mode
   * @param threads the backend threads of every run
   * @return the verdict lines, "REPRODUCED ..." or "NOT REPRODUCED ..."
   */
  static List<String> run(Experiment e, Mode mode, DataConfig fullData, int threads, Path dir, PrintWriter out)
      throws IOException {
    List<RunPlan> plans = e.plans(mode);
    if (RunContents.holdsRun(dir) || Files.exists(dir.resolve("sweep.json"))) {
      throw new RunException("--out " + dir + " holds a " + (RunContents.holdsRun(dir) ? "'deepgrad train' run" : "sweep")
          + ", whose files (report.html, charts/) a reproduction would replace; choose another directory with --out DIR.");
    }
    Outputs.createDirectory(dir, "--out");
    try (FolderLock lock = Locks.hold(dir, "deepgrad reproduce")) {
      return run(e, plans, mode, fullData, threads, dir, out);
    }
  }

  private static List<String> run(Experiment e, List<RunPlan> plans, Mode mode, DataConfig fullData, int threads,
      Path dir, PrintWriter out) throws IOException {
    out.println(e.name() + (mode.quick() ? " (quick)" : "") + ": " + e.title());
    out.println("  " + plans.size() + " runs, writing to " + dir);
    out.flush();
    Runner runner = new Runner(dir, fullData, threads, out);
    long start = System.nanoTime();
    List<RunResult> results = new ArrayList<>();
    for (RunPlan p : plans) results.add(runner.run(p));
    double seconds = (System.nanoTime() - start) / 1e9;
    Experiment.Outcome o = e.judge(results, mode);
    String dataName = fullData == null ? "mnist-10k (built-in: 8,000 train, 2,000 test)" : fullData.dataset();
    List<String> context = List.of(
        "command: `deepgrad reproduce " + e.name() + (mode.quick() ? " --quick" : "") + "`",
        "data: " + dataName + (e instanceof Articles ? " (synthetic y = 2x for the regressions)" : "")
            + "; seed 42 unless a run's config says otherwise; " + threads + " thread(s) per run",
        String.format(Locale.ROOT, "time: %.0f s for %d runs on %d processors (%s %s, Java %s), finished %s", seconds,
            results.size(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
            System.getProperty("os.arch"), System.getProperty("java.version"),
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))),
        "verdicts: " + o.claims().stream().filter(Claim::reproduced).count() + " of " + o.claims().size()
            + " claims reproduced");
    Outputs.write("the reproduction's files in " + dir, "Free space on that disk or make the directory writable, then "
        + "run the reproduction again.", () -> Report.write(dir, e, mode, results, o, context));
    List<String> verdicts = new ArrayList<>();
    for (Claim c : o.claims()) {
      String line = c.verdict() + "  " + e.name() + ": " + c.claim() + " (" + c.measured() + ")";
      verdicts.add(line);
      out.println(line);
    }
    out.printf(Locale.ROOT, "%s: %d of %d claims reproduced in %.0f s; report %s (and report.md)%n", e.name(),
        o.claims().stream().filter(Claim::reproduced).count(), o.claims().size(), seconds, dir.resolve("report.html"));
    out.flush();
    return verdicts;
  }
}
