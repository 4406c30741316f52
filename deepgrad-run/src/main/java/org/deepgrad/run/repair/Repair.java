package org.deepgrad.run.repair;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.Remedy;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.io.FolderLock;
import org.deepgrad.run.RunListener;
import org.deepgrad.run.Training;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.Locks;
import org.deepgrad.run.files.Outputs;

/**
 * {@code deepgrad repair}: the remedies of a run's findings tried on the run itself, and the best kept.
 *
 * <ol>
 *   <li>The run as given is trained for {@code budget} updates and diagnosed, as {@code deepgrad
 *       diagnose --steps BUDGET --every BUDGET/20} would (fewer when the run itself is shorter).
 *   <li>Each remedy of its findings becomes a concrete change of the run value ({@link Change}); each
 *       changed run is trained for the same budget on the same data, seed and sample order, up to
 *       {@code jobs} at a time, and measured: its findings, the measure of the finding it is for
 *       ({@link org.deepgrad.diagnostics.Measure}), the training loss, the validation accuracy and loss,
 *       the test metrics (reported, never used to choose) and the time.
 *   <li>The runs are ranked ({@link Ranking}: fewer findings, then validation accuracy, then training
 *       loss). When the best comes before the run it changed it is kept; while it still has findings, the
 *       next round tries it with each remedy of those, at most {@code rounds} rounds.
 * </ol>
 *
 * Validation decides, so a run without a validation split has one held out for the repair: the last
 * {@value #HOLD_OUT} of its training split ({@code data.validation}), the same for every candidate; the
 * repaired configuration keeps the run's own split. The repair writes only into its own folder, new or
 * empty, which it holds locked: {@code repaired.yaml} (the best run's configuration, written only when
 * some remedy helped), {@code repair.json} ({@link #json()}), {@code repair.html} with its charts
 * ({@link RepairPage}), and with {@link #apply} the full run in {@code applied/}. The run's own files are
 * only read.
 *
 * <pre>{@code
 * Repair r = Repair.run(TrainConfig.read(Path.of("runs/x/config.yaml")), Repair.Settings.defaults(),
 *     Path.of("runs/x-repair"), RunListener.NONE);
 * r.print(new PrintWriter(System.out, true));     // the tables and the verdict
 * r.repaired().ifPresent(c -> ...);               // the best run's configuration
 * }</pre>
 */
public final class Repair {
  /** The fraction of the training split held out to choose on when the run has no validation split. */
  static final double HOLD_OUT = 0.1;
  /** The file of the best run's configuration. */
  public static final String REPAIRED = "repaired.yaml";
  /** The file of the whole repair as JSON. */
  public static final String JSON = "repair.json";
  /** The report page. */
  public static final String PAGE = "repair.html";
  /** The folder {@link #apply} trains the repaired run into. */
  public static final String APPLIED = "applied";
  /** Samples of each run's diagnostics over the budget, as {@code diagnose} takes 10 over its 50 steps. */
  static final int SAMPLES = 20;

  /**
   * How a repair runs.
   *
   * @param budget optimizer steps of every run (at least {@value #MIN_BUDGET}: the sampled steps the rules need)
   * @param jobs runs trained at the same time, in this JVM
   * @param rounds rounds at most: remedies combine up to this many
   */
  public record Settings(int budget, int jobs, int rounds) {
    /** The fewest steps: {@value} sampled steps, since STALLED judges from 8. */
    public static final int MIN_BUDGET = 10;

    /**
     * Checks the ranges.
     *
     * @throws RunException naming the bad setting and its range
     */
    public Settings {
      if (budget < MIN_BUDGET) {
        throw new RunException("--budget " + budget + ": must be at least " + MIN_BUDGET + " steps (the diagnostics "
            + "need 8 samples), e.g. 100.");
      }
      if (jobs < 1) throw new RunException("--jobs " + jobs + ": must be at least 1.");
      if (rounds < 1) throw new RunException("--rounds " + rounds + ": must be at least 1, e.g. 3.");
    }

    /** 100 steps, one job, 3 rounds. */
    public static Settings defaults() {
      return new Settings(100, 1, 3);
    }
  }

  private final Settings settings;
  private final Path dir;
  private final Candidate original;
  private final List<Round> rounds;
  private final long steps;
  private final int every;
  private final boolean heldOut;

  Repair(Settings settings, Path dir, Candidate original, List<Round> rounds, long steps, int every,
      boolean heldOut) {
    this.settings = settings;
    this.dir = dir;
    this.original = original;
    this.rounds = List.copyOf(rounds);
    this.steps = steps;
    this.every = every;
    this.heldOut = heldOut;
  }

  /**
   * Repairs {@code run} into {@code dir} (created; it must be new or empty), telling {@code log} how each
   * round goes.
   *
   * @throws RunException for bad input: a folder that is not empty or is in use, a run that cannot be
   *     trained at all, a file that cannot be written
   */
  public static Repair run(TrainConfig run, Settings settings, Path dir, RunListener log)
      throws IOException, InterruptedException {
    TrainConfig given = run.withOutput(o -> o.withDir(null).withResume(false)).validated();
    checkEmpty(dir);
    Backend backend = Backends.current();
    int before = backend.threads();
    int threads = given.training().threads();
    backend.setThreads(threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / settings.jobs()));
    try {
      Probe probe = Probe.of(given, settings.budget()); // before the folder: a run that cannot train leaves none
      log.line("the run as given: " + summary(probe.trial()));
      boolean created = !Files.exists(dir);
      Outputs.createDirectory(dir, "--out");
      try (FolderLock lock = Locks.hold(dir, "deepgrad repair")) {
        checkEmpty(dir); // again, holding it: another repair may have written there meanwhile
        Repair r = repair(given, settings, dir, probe, log);
        r.write();
        return r;
      } catch (IOException | InterruptedException | RuntimeException | Error e) {
        if (created) remove(dir);
        throw e;
      }
    } finally {
      backend.setThreads(before);
    }
  }

  /**
   * The run as given trained for the budget, with the steps and sampling every run of the repair takes:
   * the budget, or the run's own length when shorter, sampled {@value #SAMPLES} times.
   */
  private record Probe(Trial trial, long steps, int every) {
    static Probe of(TrainConfig given, int budget) {
      int every = Math.max(1, budget / SAMPLES);
      Trial first = Trial.run(measured(given), budget, every);
      if (first.failed()) throw new RunException("the run cannot be trained: " + first.error());
      long taken = first.diagnosis().result().steps();
      if (taken >= budget) return new Probe(first, budget, every);
      every = (int) Math.max(1, taken / SAMPLES); // a run shorter than the budget: sample its own length as densely
      return new Probe(Trial.run(measured(given), taken, every), taken, every);
    }
  }

  private static Repair repair(TrainConfig given, Settings settings, Path dir, Probe probe, RunListener log)
      throws InterruptedException {
    Candidate original = new Candidate(List.of(), null, probe.trial());
    List<Round> rounds = new ArrayList<>();
    Set<TrainConfig> tried = new HashSet<>(List.of(given));
    Candidate base = original;
    while (rounds.size() < settings.rounds() && !base.trial().findings().isEmpty()) {
      Round round = round(rounds.size() + 1, given, base, tried, settings.jobs(), probe.steps(), probe.every(), log);
      if (round.ranked().isEmpty() && round.notMade().isEmpty()) break;
      rounds.add(round);
      if (round.winner() == null) break;
      base = round.winner();
    }
    return new Repair(settings, dir, original, rounds, probe.steps(), probe.every(),
        given.data().validation() == 0);
  }

  /** The candidates of {@code base}'s findings' remedies, trained up to {@code jobs} at a time and ranked. */
  private static Round round(int number, TrainConfig given, Candidate base, Set<TrainConfig> tried, int jobs,
      long steps, int every, RunListener log) throws InterruptedException {
    long start = System.nanoTime();
    TrainConfig from = base.changes().isEmpty() ? given : base.last().config();
    List<Candidate> pending = new ArrayList<>();
    List<Change.NotMade> notMade = new ArrayList<>();
    for (Finding f : base.trial().findings()) {
      for (Remedy remedy : f.remedies()) {
        Change c = Change.of(remedy, from);
        if (c instanceof Change.NotMade n) {
          if (notMade.stream().noneMatch(x -> x.remedy().kind() == remedy.kind())) notMade.add(n);
        } else if (c instanceof Change.Made m && tried.add(m.config())) {
          List<Change.Made> changes = new ArrayList<>(base.changes());
          changes.add(m);
          pending.add(new Candidate(changes, f.kind(), null));
        }
      }
    }
    log.line("round " + number + ": " + pending.size() + " change" + (pending.size() == 1 ? "" : "s") + " of "
        + (base.changes().isEmpty() ? "the run as given" : base.name()) + ", " + steps + " steps each, "
        + Math.min(jobs, Math.max(1, pending.size())) + " at a time");
    List<Candidate> done = train(pending, jobs, steps, every, log);
    List<Candidate> ranked = new ArrayList<>(done);
    ranked.sort((a, b) -> Ranking.ORDER.compare(a.trial(), b.trial()));
    return new Round(number, base, ranked, notMade, (System.nanoTime() - start) / 1e9);
  }

  /** Trains {@code pending} up to {@code jobs} at a time; the candidates with their trials, in {@code pending}'s order. */
  private static List<Candidate> train(List<Candidate> pending, int jobs, long steps, int every, RunListener log)
      throws InterruptedException {
    int workers = Math.max(1, Math.min(jobs, pending.size()));
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "repair-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
      Trial[] trials = new Trial[pending.size()];
      for (int i = 0; i < pending.size(); i++) {
        int k = i;
        done.submit(() -> {
          trials[k] = Trial.run(measured(pending.get(k).last().config()), steps, every);
          return k;
        });
      }
      for (int n = 1; n <= pending.size(); n++) {
        int k = get(done.take());
        log.line("  [" + n + "/" + pending.size() + "] " + pending.get(k).last().remedy().kind() + ": "
            + summary(trials[k]));
      }
      List<Candidate> out = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        Candidate c = pending.get(i);
        out.add(new Candidate(c.changes(), c.target(), trials[i]));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int get(Future<Integer> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) { // Trial.run catches what a run throws: this is the repair's own failure
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** {@code config} as its trials train it: with a validation split, held out when it has none. */
  static TrainConfig measured(TrainConfig config) {
    return config.data().validation() > 0 ? config : config.withData(d -> d.withValidation(HOLD_OUT));
  }

  /** {@code findings INIT_MISMATCH, VANISHING; validation accuracy 10.42%, training loss 2.301 (0.9 s)}. */
  static String summary(Trial t) {
    if (t.failed()) return "failed: " + t.error();
    return (t.findings().isEmpty() ? "no finding" : "findings " + String.join(", ", t.kinds().stream().map(Enum::name)
        .toList())) + "; " + RepairText.scores(t) + String.format(java.util.Locale.ROOT, " (%.1f s)", t.seconds());
  }

  /** Checks {@code dir} is new or empty (a lock file left by an earlier repair that failed counts as empty). */
  private static void checkEmpty(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    if (!Files.isDirectory(dir)) {
      throw new RunException("--out " + dir + " is a file; repair writes into a new or empty folder: choose another --out DIR.");
    }
    try (var files = Files.list(dir)) {
      if (files.anyMatch(f -> !f.getFileName().toString().equals(FolderLock.FILE))) {
        throw new RunException("--out " + dir + " is not empty; repair writes only into a new or empty folder, so "
            + "nothing there is replaced: choose another --out DIR.");
      }
    }
  }

  /** Removes the folder this repair created, holding nothing but the lock file, after a failure. */
  private static void remove(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(FolderLock.FILE));
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // left as it is: an empty folder, which a rerun takes
    }
  }

  /** Writes repaired.yaml (when a remedy helped), repair.json and repair.html. */
  private void write() throws IOException {
    String fix = "Free space on that disk, or choose another folder with --out DIR.";
    Optional<TrainConfig> best = repaired();
    if (best.isPresent()) {
      Path file = dir.resolve(REPAIRED);
      String text = "# deepgrad repair: the run with " + winners().get(winners().size() - 1).name() + "\n"
          + "# train it with: deepgrad train " + file + "\n" + ConfigPrinter.yaml(best.get());
      Outputs.write(file.toString(), fix, () -> AtomicFiles.write(file, s -> s.write(text.getBytes(StandardCharsets.UTF_8))));
    }
    Path json = dir.resolve(JSON);
    Outputs.write(json.toString(), fix, () -> AtomicFiles.write(json, s -> s.write(json().getBytes(StandardCharsets.UTF_8))));
    Outputs.write(dir.resolve(PAGE).toString(), fix, () -> RepairPage.write(this, dir));
  }

  /** The best candidate of each round that helped, in order. */
  List<Candidate> winners() {
    List<Candidate> out = new ArrayList<>();
    for (Round r : rounds) if (r.winner() != null) out.add(r.winner());
    return out;
  }

  /** The run as given, as its trial trained it. */
  Candidate original() {
    return original;
  }

  List<Round> rounds() {
    return rounds;
  }

  Settings settings() {
    return settings;
  }

  long steps() {
    return steps;
  }

  int every() {
    return every;
  }

  /** Whether the validation split was held out for the repair (the run has none). */
  boolean heldOut() {
    return heldOut;
  }

  /** The repair's folder. */
  public Path dir() {
    return dir;
  }

  /** Whether the run as given had no finding, so nothing was tried. */
  public boolean nothingToRepair() {
    return original.trial().findings().isEmpty();
  }

  /** The best run's configuration, when some remedy helped; it has the run's own data split and no output folder. */
  public Optional<TrainConfig> repaired() {
    List<Candidate> w = winners();
    return w.isEmpty() ? Optional.empty() : Optional.of(w.get(w.size() - 1).last().config());
  }

  /** {@code DIR/repaired.yaml}, when some remedy helped. */
  public Optional<Path> repairedFile() {
    return repaired().map(c -> dir.resolve(REPAIRED));
  }

  /** Prints the tables, round by round, and the verdict ({@link RepairText}). */
  public void print(PrintWriter out) {
    RepairText.print(this, out);
  }

  /** The repair as one JSON object ({@link RepairJson}). */
  public String json() {
    return RepairJson.text(this);
  }

  /**
   * Trains the repaired run in full, with its own settings, into {@code DIR/applied} (as {@code deepgrad
   * train} does, telling {@code log}).
   *
   * @throws RunException when no remedy helped, so there is nothing to apply
   */
  public Training.Outcome apply(RunListener log) throws IOException {
    TrainConfig c = repaired().orElseThrow(() -> new RunException("no remedy helped, so there is nothing to apply; "
        + "the run is left as it is."));
    return Training.run(c.withOutput(o -> o.withDir(dir.resolve(APPLIED))), log);
  }
}
