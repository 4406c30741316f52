package org.deepgrad.run.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deepgrad.run.config.DataConfig;

/**
 * The reproductions of classic results ({@link Experiment}s), run as {@code deepgrad reproduce} runs
 * them: each writes {@code report.md} and {@code report.html} with our numbers next to the paper's
 * claims, a REPRODUCED / NOT REPRODUCED verdict per claim from a stated criterion, and the series as
 * CSV. See docs/reproductions.md.
 *
 * <pre>{@code
 * List<String> verdicts = Reproductions.run(Reproductions.byName("he2015").orElseThrow(),
 *     Reproductions.quick(), Path.of("runs/he2015"), new PrintWriter(System.out, true));
 * }</pre>
 */
public final class Reproductions {
  private Reproductions() {}

  /** The experiments, in the order {@code reproduce --list} and {@code reproduce all} take them. */
  public static List<Experiment> all() {
    return Experiments.ALL;
  }

  /** The experiments' names. */
  public static List<String> names() {
    return Experiments.names();
  }

  /** The experiment named {@code name}, e.g. {@code glorot2010}. */
  public static Optional<Experiment> byName(String name) {
    return Experiments.byName(name);
  }

  /**
   * How to run: the small version ({@code quick}, the built-in mnist-10k) or the full one (full MNIST or
   * Fashion-MNIST, from {@code dataDir} or downloaded when {@code download}); {@code examples} the
   * repository's examples/ directory (null: found from the current directory or the installation);
   * {@code threads} the backend threads per run.
   */
  public static Settings settings(boolean quick, Path dataDir, boolean download, Path examples, int threads)
      throws IOException {
    Mode mode = new Mode(quick, examples != null ? examples : ExamplesDir.find());
    return new Settings(mode, quick ? null : FullData.find(dataDir, download), threads);
  }

  /** The quick version on one thread, examples/ found from the current directory. */
  public static Settings quick() throws IOException {
    return settings(true, null, false, null, 1);
  }

  /**
   * How the experiments run.
   *
   * @param fullData the data set of full mode, in place of every run's mnist-10k; null in quick mode
   */
  public record Settings(Mode mode, DataConfig fullData, int threads) {}

  /**
   * Runs {@code experiment} into {@code dir}, printing one line per run and per claim on {@code out}.
   *
   * @return the verdict lines, "REPRODUCED ..." or "NOT REPRODUCED ..."
   */
  public static List<String> run(Experiment experiment, Settings s, Path dir, PrintWriter out) throws IOException {
    return Reproduction.run(experiment, s.mode(), s.fullData(), s.threads(), dir, out);
  }

  /**
   * Runs each of {@code experiments}, into {@code out} when it is one, else into {@code out/NAME}
   * ({@code out} null: {@code runs/reproduce-NAME[-quick]}); with more than one, a last line counts the
   * claims reproduced.
   */
  public static List<String> runAll(List<Experiment> experiments, Settings s, Path out, PrintWriter log)
      throws IOException {
    List<String> verdicts = new ArrayList<>();
    for (Experiment e : experiments) {
      Path dir = out == null ? Path.of("runs", "reproduce-" + e.name() + (s.mode().quick() ? "-quick" : ""))
          : experiments.size() > 1 ? out.resolve(e.name()) : out;
      verdicts.addAll(run(e, s, dir, log));
    }
    if (experiments.size() > 1) {
      log.println("all: " + verdicts.stream().filter(v -> v.startsWith("REPRODUCED")).count() + " of " + verdicts.size()
          + " claims reproduced");
    }
    log.flush();
    return verdicts;
  }
}
