package org.deepgrad.run;

import java.io.IOException;
import java.util.ServiceLoader;
import org.deepgrad.run.config.RunException;

/**
 * Replicas on a cluster that train a run data-parallel, in place of this JVM's trainer: deepgrad-spark's
 * Spark. {@link Training#run(org.deepgrad.run.config.TrainConfig, RunFolder.Consent, RunListener, Cluster)}
 * makes a local run's checks, writes its {@code config.yaml}, lets the cluster train, and writes the end
 * files ({@code diagnostics.json}, the model, {@code report.html}) as a local run does; replica 0 writes
 * {@code metrics.jsonl}, {@code diagnostics.jsonl} and every replica its checkpoints into the run's
 * folder as the run goes, so that folder must be one the driver and every machine reach at the same path.
 *
 * <p>{@link #connect} finds the implementation through {@link ServiceLoader}, so that neither this
 * library nor the command line links a cluster's classes unless a cluster is asked for.
 */
public interface Cluster extends AutoCloseable {

  /** Makes a {@link Cluster}; deepgrad-spark registers one in {@code META-INF/services}. */
  interface Provider {
    /** The cluster at {@code master} training with {@code replicas} replicas (0: one per core it offers). */
    Cluster connect(String master, int replicas);
  }

  /**
   * The cluster at {@code master} (e.g. {@code local[2]}, {@code spark://HOST:7077}).
   *
   * @throws RunException when no implementation is on the class path, the URL is not one the
   *     implementation takes, or the cluster cannot be reached
   */
  static Cluster connect(String master, int replicas) {
    for (Provider p : ServiceLoader.load(Provider.class)) return p.connect(master, replicas);
    throw new RunException("--master " + master + ": training on a cluster needs deepgrad-spark and Spark's jars on "
        + "the class path, and they are not here. Run it through ./deepgrad, which builds them and adds them when "
        + "--master is given (the first time downloads Spark, about 320 MB), or put deepgrad-spark-submit.jar and "
        + "Spark's jars on the class path (docs/spark.md).");
  }

  /**
   * Checks that this cluster can train {@code run} (its task, batch and settings), before anything is
   * written; returns the line that tells how, e.g. {@code on Spark local[2]: 2 replicas x batch 32 = global
   * batch 64, gradient averaging}.
   *
   * @throws RunException for a run it cannot train, naming the setting and the fix
   */
  String check(RunSetup<?> run);

  /**
   * Trains {@code run} (checked by {@link #check}) into its output folder, resuming from the newest
   * checkpoint every replica holds when {@code resume}.
   */
  Trained train(RunSetup<?> run, boolean resume) throws IOException;

  /** Lets the cluster go (stops what {@link #connect} started). */
  @Override
  void close();
}
