package org.deepgrad.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.deepgrad.run.Cluster;
import org.deepgrad.run.Preflight;
import org.deepgrad.run.Progress;
import org.deepgrad.run.RunData;
import org.deepgrad.run.RunFolder;
import org.deepgrad.run.RunLog;
import org.deepgrad.run.RunSetup;
import org.deepgrad.run.Training;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad train [CONFIG] [flags]}: resolves the configuration ({@link TrainConfig}: defaults,
 * then the preset, then the YAML file, then the flags) and trains ({@link Training}). With no arguments it is the main
 * job described in {@link Defaults}; the model rule is {@link Preset}'s. {@code --dry-run} makes every
 * check the run would make before its first step ({@link RunFolder#check}, the data, {@link Preflight})
 * and writes nothing. {@code --master} trains on Spark's replicas ({@link Cluster}, found on the class
 * path only then: the command line links no Spark class otherwise).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
    description = {"Train a model. Settings come from the defaults, then the preset, then CONFIG, then the flags.",
        "With no model flag and no model section in CONFIG the model is the main job's (preset main: 128-64-32 with "
            + "batch norm and dropout 0.2); a model flag or section describes exactly the MLP it names, without batch "
            + "norm or dropout unless asked; --preset main starts from the main job's model instead."})
final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "A YAML config file.")
  Path config;

  @Mixin
  TrainOptions options = new TrainOptions();

  @Option(names = "--overwrite", description = "Train afresh in an --out directory that holds a run, deleting "
      + "that run's files first (never other files).")
  boolean overwrite;

  @Option(names = "--allow-changes", description = "With --resume: continue with settings other than those the run "
      + "started with (e.g. more --epochs, another --lr); the changes are printed and recorded in metrics.jsonl.")
  boolean allowChanges;

  @Option(names = "--dry-run", description = "Make every check a run makes (configuration, output directory, data, "
      + "model size, batches, memory; with --master the cluster's too) and print the configuration resolved, without "
      + "training or writing.")
  boolean dryRun;

  @Option(names = "--master", paramLabel = "URL", description = "Train data-parallel on Apache Spark: local[N] (N "
      + "replicas in this JVM, no cluster needed), local[*], or spark://HOST:PORT (a standalone cluster; OUT must be a "
      + "folder every machine reaches at the same path). --batch-size is then the global batch, split evenly over the "
      + "replicas (gradient averaging: the single-process run at that batch). ./deepgrad builds deepgrad-spark and "
      + "Spark's jars the first time (about 320 MB to download). See docs/spark.md.")
  String master;

  @Option(names = "--replicas", paramLabel = "N", description = "With --master: the replicas, one Spark task each "
      + "(default: one per core the master offers: N of local[N]).")
  Integer replicas;

  @Override
  public Integer call() throws IOException {
    TrainConfig resolved = TrainConfig.load(config, options.settings(), Clock.systemDefaultZone());
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    RunFolder.Consent consent = new RunFolder.Consent(overwrite, allowChanges);
    if (allowChanges && !resolved.output().resume()) {
      throw new UsageException("--allow-changes applies to --resume (a resumed run with other settings); leave it out, "
          + "or add --resume.");
    }
    if (master == null && replicas != null) {
      throw new UsageException("--replicas applies to --master (the replicas of a run on Spark); leave it out, or add "
          + "--master, e.g. --master 'local[" + replicas + "]'.");
    }
    if (!dryRun) {
      boolean bar = resolved.output().progress() && Terminal.interactive();
      RunLog log = new RunLog(out, err, bar ? Progress.Mode.BAR : Progress.Mode.LINES);
      if (master == null) {
        Training.run(resolved, consent, log);
        return Failures.OK;
      }
      RunFolder.check(resolved, consent); // before Spark starts
      try (Cluster cluster = Cluster.connect(master, replicas == null ? 0 : replicas)) {
        Training.run(resolved, consent, log, cluster);
      }
      return Failures.OK;
    }
    RunFolder.Decision d = RunFolder.check(resolved, consent);
    RunData<?> data = RunSetup.data(resolved);
    Preflight p = Preflight.of(resolved, data);
    if (p.batching().note() != null) err.println("note: " + p.batching().note());
    if (master != null) {
      try (Cluster cluster = Cluster.connect(master, replicas == null ? 0 : replicas)) {
        err.println("note: would train " + cluster.check(RunSetup.build(resolved, data, s -> s)));
      }
    }
    if (d.plan() == RunFolder.Plan.FINISHED) {
      err.println("note: the run in " + resolved.output().dir() + " has finished: --resume would do nothing.");
    }
    if (!d.changes().isEmpty()) err.println("note: --resume would change " + String.join("; ", d.changes()));
    err.flush();
    out.print(ConfigPrinter.yaml(resolved));
    out.flush();
    return Failures.OK;
  }
}
