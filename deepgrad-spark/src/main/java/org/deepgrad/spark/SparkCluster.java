package org.deepgrad.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkException;
import org.deepgrad.data.Dataset;
import org.deepgrad.io.Task;
import org.deepgrad.run.Batching;
import org.deepgrad.run.Cluster;
import org.deepgrad.run.RunSetup;
import org.deepgrad.run.Trained;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.config.TrainingConfig;
import org.deepgrad.tensor.Tensor;

/**
 * deepgrad-run's {@link Cluster} on Spark: a run configured by a {@link TrainConfig} trained by N
 * replicas ({@link SparkTraining}, gradient averaging) on the master {@code --master} names. The
 * configuration's batch size is the global batch: each replica takes {@code batch_size / N} rows a step
 * (so the run is the single-process run at that batch, up to the order of the samples), and the batch
 * size must divide evenly; {@code full} gives each replica its whole shard. The driver loads and
 * preprocesses the data as a local run does and sends the rows; the executors build the model,
 * optimizer and schedule from the configuration's text ({@link ConfigJob}).
 */
final class SparkCluster implements Cluster {

  /** Registered in {@code META-INF/services/org.deepgrad.run.Cluster$Provider}. */
  public static final class Provider implements Cluster.Provider {
    @Override
    public Cluster connect(String master, int replicas) {
      if (replicas < 0) throw new RunException("--replicas " + replicas + ": give at least 1 (or leave it out: one per core)");
      return new SparkCluster(SparkMaster.connect(master, replicas), replicas);
    }
  }

  private final SparkMaster master;
  private final int replicas;

  private SparkCluster(SparkMaster master, int replicas) {
    this.master = master;
    this.replicas = replicas > 0 ? replicas : master.cores;
  }

  @Override
  public String check(RunSetup<?> run) {
    TrainConfig c = run.config();
    TrainingConfig t = c.training();
    if (run.data().task() != Task.CLASSIFICATION || !(run.data().train() instanceof Dataset)) {
      throw new RunException("--master " + master.url + ": " + run.data().name() + " is a regression data set, and "
          + "training on Spark takes classification data (a class per row) for now; train it without --master.");
    }
    if (t.earlyStopping() > 0) {
      throw new RunException("--master " + master.url + ": early stopping (training.early_stopping) is not available on "
          + "Spark (each replica would decide on its own); leave it out and choose the epochs, or train without --master.");
    }
    if (master.localThreads > 0 && replicas > master.localThreads) {
      throw new RunException("--replicas " + replicas + ": " + master.url + " runs " + master.localThreads + " task(s) at"
          + " once, and every replica is a task running at the same time; give at most --replicas "
          + master.localThreads + ", or a master with more threads (local[" + replicas + "]).");
    }
    int rows = run.data().train().size();
    if (rows < replicas) {
      throw new RunException(run.data().description() + ": " + rows + " training rows for " + replicas + " replicas; "
          + "give each at least one row (fewer --replicas, or more data).");
    }
    int shard = (int) Shards.rowsPerShard(rows, replicas);
    int local = localBatch(t, shard);
    Batching.of(false, local, shard, "each replica's shard of " + shard + " rows", run.spec());
    String global = t.fullBatch() ? "full batch (" + replicas * shard + " rows)" : "global batch " + t.batchSize();
    return "on " + master + ": " + replicas + " replica(s) x batch " + local + " = " + global + ", " + shard
        + " rows each, gradient averaging" + (rows % replicas == 0 ? "" : "; the last " + rows % replicas
        + " row(s) sit out so that the shards are equal");
  }

  /** Each replica's batch: the global batch split evenly, or its whole shard for full-batch training. */
  private int localBatch(TrainingConfig t, int shard) {
    if (t.fullBatch()) return shard;
    if (t.batchSize() % replicas != 0) {
      int below = t.batchSize() / replicas * replicas;
      throw new RunException("--batch-size " + t.batchSize() + " (training.batch_size) is the global batch, split "
          + "evenly over the " + replicas + " replicas, and " + replicas + " does not divide it; give a multiple of "
          + replicas + " (" + (below > 0 ? below + " or " : "") + (below + replicas) + "), or --replicas that divides it.");
    }
    return t.batchSize() / replicas;
  }

  @Override
  public Trained train(RunSetup<?> run, boolean resume) throws IOException {
    Path out = run.config().output().dir().toAbsolutePath();
    int shard = (int) Shards.rowsPerShard(run.data().train().size(), replicas);
    int threads = master.taskThreads(run.config().training().threads());
    TrainingJob job = ConfigJob.of(run, localBatch(run.config().training(), shard), threads);
    SparkTraining spark = new SparkTraining(master.session, replicas);
    Dataset train = (Dataset) run.data().train();
    Dataset validation = (Dataset) run.data().validation();
    ReplicaResult r;
    try {
      spark.check(job, train, validation);
      spark.prepare(out, resume);
      r = spark.train(job, train, validation, out, resume);
    } catch (IllegalArgumentException e) {
      throw new RunException(e.getMessage() + ".", e);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) { // a failed Spark job: a SparkException, which Scala code throws undeclared
      if (!(e instanceof SparkException)) throw new IllegalStateException(e);
      throw new RunException("training on " + master + " failed: " + SparkMaster.firstLine(e)
          + ". The checkpoints written so far are kept: run the same command with --resume to go on from the newest "
          + "one every replica holds.", e);
    }
    Map<String, Tensor> state = new LinkedHashMap<>();
    run.model().stateDict().forEach((name, t) -> state.put(name, Tensor.of(r.state().get(name), t.shape())));
    Map<String, Object> info = new LinkedHashMap<>(RunEnd.replicaInfo(job, replicas));
    info.put("master", master.url);
    return new Trained(r.result().result(), state, r.diagnosisJson(), r.diagnosisBrief(), r.resumedFrom(), info);
  }

  @Override
  public void close() {
    master.close();
  }
}
