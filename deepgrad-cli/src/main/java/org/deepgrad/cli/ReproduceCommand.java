package org.deepgrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.deepgrad.run.config.Suggest;
import org.deepgrad.run.reproduce.Experiment;
import org.deepgrad.run.reproduce.Reproductions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad reproduce NAME [--quick]}: runs a classic experiment ({@link Reproductions}) and writes
 * {@code report.md} with our numbers next to the paper's claims, a REPRODUCED / NOT REPRODUCED verdict
 * per claim from a stated criterion, and the curves as CSV. The
 * verdicts are results, not errors: the exit code is 0 either way.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Reproduce a classic result on gradient flow and print, per claim, whether it reproduced.",
        "Writes report.md and CSV series to runs/reproduce-NAME[-quick]/ (or --out); see docs/reproductions.md."},
    footer = {"", "Exit codes: 0 success (whatever the verdicts), 2 bad usage or missing data, 1 internal error."})
public final class ReproduceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "An experiment (see --list), or all.")
  String name;

  @Option(names = "--list", description = "List the experiments, one line each.")
  boolean list;

  @Option(names = "--quick", description = "The small version: built-in mnist-10k, fewer units and epochs "
      + "(5 s to 2 minutes each on 2 cores; all five 4 to 6 minutes).")
  boolean quick;

  @Option(names = {"--out", "--output"}, paramLabel = "DIR", description = "Output directory (default "
      + "runs/reproduce-NAME[-quick]; with 'all', one subdirectory per experiment). --output is the same, as train's "
      + "--out is.")
  Path output;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Full mode: where the MNIST or Fashion-MNIST IDX "
      + "files are.")
  Path dataDir;

  @Option(names = "--download", description = "Full mode: download full MNIST into the cache if missing.")
  boolean download;

  @Option(names = "--threads", paramLabel = "N", description = "Threads per run (default 1: the same numbers in "
      + "every process; with 2 we saw a config's result change between processes on a loaded machine).")
  int threads = 1;

  @Option(names = "--examples", paramLabel = "DIR", description = "The repository's examples/ (articles reuses its "
      + "configs; default: found from the current directory or the installation).")
  Path examples;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      for (Experiment e : Reproductions.all()) out.printf("%-11s %s%n", e.name(), e.title());
      out.printf("%-11s %s%n", "all", "every experiment above, in this order");
      out.flush();
      return 0;
    }
    if (threads < 1) throw new UsageException("--threads " + threads + ": must be >= 1, e.g. 1 (the default).");
    List<Experiment> chosen = chosen();
    Reproductions.runAll(chosen, Reproductions.settings(quick, dataDir, download, examples, threads), output, out);
    return 0;
  }

  private List<Experiment> chosen() {
    if (name == null) {
      throw new UsageException("name an experiment: " + String.join(", ", Reproductions.names())
          + ", or all (--list describes them).");
    }
    if (name.equals("all")) return Reproductions.all();
    return List.of(Reproductions.byName(name).orElseThrow(() -> new UsageException("unknown experiment '"
        + name + "'" + Suggest.didYouMean(name, Reproductions.names()) + "; the experiments are "
        + String.join(", ", Reproductions.names()) + ", or all (--list describes them).")));
  }
}
