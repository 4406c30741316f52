package org.deepgrad.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deepgrad.data.Dataset;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.tensor.Rng;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Data-parallel training on Spark: N replicas, one task each in a barrier stage (Spark starts them
 * together and, when one fails, retries them together), each on its shard of the training rows
 * ({@link Shards}), kept together as the {@link TrainingJob}'s {@link Averaging} says.
 *
 * <pre>{@code
 * SparkTraining spark = new SparkTraining(session, 2);
 * TrainingJob job = TrainingJob.of(() -> spec, 42, params -> Optimizers.adam(params, Adam.defaults()),
 *     steps -> Schedule.cosine(steps, 0), TrainerSettings.defaults().withEpochs(30), 32)
 *     .withCheckpoints(0, 1, 3);
 * DistributedResult r = spark.fit(job, Mnist.trainTest().train(), null, Path.of("runs/spark"), false);
 * }</pre>
 *
 * The output folder gets, as the run goes, replica 0's {@code metrics.jsonl} and {@code diagnostics.jsonl}
 * and every replica's {@code checkpoints/replica-R/}; at the end, from the driver, {@code diagnostics.json},
 * {@code model.safetensors}, {@code model.json} and {@code report.html}. It must be a folder every
 * executor and the driver reach at the same path (a local folder in local mode, a shared file system
 * on a cluster).
 */
public final class SparkTraining {
  private final JavaSparkContext context;
  private final int replicas;

  /** Training on {@code spark} with {@code replicas} tasks, which must all fit on the cluster's cores at once. */
  public SparkTraining(SparkSession spark, int replicas) {
    if (replicas < 1) throw new IllegalArgumentException(replicas + " replicas; give at least 1");
    this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.replicas = replicas;
  }

  /**
   * Trains on {@code train}, a data set on the driver, dealt to the replicas row by row ({@link Shards}).
   *
   * @param validation evaluated by replica 0 after every epoch, or null
   * @param resume continue the run in {@code out} from its newest checkpoint (that all replicas hold);
   *     false starts afresh and refuses a folder holding checkpoints
   */
  public DistributedResult fit(TrainingJob job, Dataset train, Dataset validation, Path out, boolean resume)
      throws IOException {
    check(job, train, validation);
    prepare(out, resume);
    return RunEnd.write(out, job, replicas, train(job, train, validation, out, resume));
  }

  /**
   * The checks of {@link #fit(TrainingJob, Dataset, Dataset, Path, boolean)} before it writes anything:
   * the job's factories, its model against the data, the rows and the slots for the replicas.
   */
  void check(TrainingJob job, Dataset train, Dataset validation) {
    ModelSpec spec = checkedSpec(job, train.inputSize());
    if (validation != null) checked(validation, spec);
    checkSlots();
    checkRows(train.size());
  }

  /** Trains as {@link #fit(TrainingJob, Dataset, Dataset, Path, boolean)}, checked and prepared, without the end files. */
  ReplicaResult train(TrainingJob job, Dataset train, Dataset validation, Path out, boolean resume) {
    // Each shard travels as a broadcast its task reads (only that task's executor fetches it), not inside the task.
    int m = (int) Shards.rowsPerShard(train.size(), replicas);
    List<Sample> all = Shards.samples(train, replicas);
    List<Broadcast<List<Sample>>> shards = new ArrayList<>();
    for (int r = 0; r < replicas; r++) shards.add(context.broadcast(new ArrayList<>(all.subList(r * m, (r + 1) * m))));
    try {
      JavaRDD<Sample> samples = context.parallelize(IntStream.range(0, replicas).boxed().toList(), replicas)
          .flatMap(r -> shards.get(r).value().iterator());
      return run(job, samples, validation, out, resume);
    } finally {
      shards.forEach(Broadcast::destroy);
    }
  }

  /**
   * Trains on the rows of a DataFrame: {@code featuresCol} a vector (or numeric array) column of the
   * model's inputs, {@code labelCol} a numeric class 0..k-1 (Spark ML's convention). Rows are numbered
   * in the frame's order and dealt as {@link Shards} says.
   */
  public DistributedResult fit(TrainingJob job, org.apache.spark.sql.Dataset<Row> frame, String featuresCol,
      String labelCol, Dataset validation, Path out, boolean resume) throws IOException {
    ModelSpec spec = checkedSpec(job, -1);
    checkSlots();
    long n = frame.count();
    checkRows(n);
    prepare(out, resume);
    long kept = Shards.rowsPerShard(n, replicas) * replicas;
    int nr = replicas;
    JavaRDD<Row> rows = frame.select(featuresCol, labelCol).toJavaRDD();
    JavaRDD<Sample> samples = rows.zipWithIndex().filter(t -> t._2() < kept)
        .mapToPair(t -> new Tuple2<>(t._2(), RowSamples.sample(t._1(), t._2(), featuresCol, labelCol)))
        .partitionBy(new ReplicaPartitioner(nr)).values();
    if (validation != null) checked(validation, spec);
    return RunEnd.write(out, job, replicas, run(job, samples, validation, out, resume));
  }

  private ReplicaResult run(TrainingJob job, JavaRDD<Sample> samples, Dataset validation, Path out, boolean resume) {
    Broadcast<List<Sample>> val = validation == null ? null : context.broadcast(Shards.samples(validation, 1));
    ClassTag<ReplicaResult> tag = ClassTag$.MODULE$.apply(ReplicaResult.class);
    List<ReplicaResult> results;
    try {
      // The shuffle after the barrier stage makes it a map stage, which Spark retries as a whole when a task or
      // an executor is lost; a barrier result stage it would abort instead (its output may be committed).
      results = samples.rdd().barrier()
          .mapPartitions(new ReplicaTask(job, out.toAbsolutePath(), val, resume), false, tag).toJavaRDD()
          .repartition(1).collect();
    } finally {
      if (val != null) val.destroy();
    }
    if (results.size() != 1) throw new IllegalStateException("expected replica 0's result, got " + results.size());
    return results.get(0);
  }

  /**
   * The job's model spec, after trying its factories here on the driver: a mistake in them (an unknown
   * optimizer, a bad schedule) is then one clear error instead of failed tasks on every stage attempt.
   */
  private static ModelSpec checkedSpec(TrainingJob job, int inputs) {
    ModelSpec spec = job.model().spec();
    if (inputs >= 0 && spec.inputs() != inputs) {
      throw new IllegalArgumentException("the model takes " + spec.inputs() + " inputs but the data has " + inputs
          + " features per row; build the model for the data");
    }
    job.optimizer().create(spec.build(new Rng(job.seed())).namedParameters());
    job.schedule().create(job.settings().scheduleSteps(1)).lr(0, 1);
    return spec;
  }

  private static Dataset checked(Dataset validation, ModelSpec spec) {
    if (validation.inputSize() != spec.inputs()) {
      throw new IllegalArgumentException("the validation set has " + validation.inputSize() + " features per row, the"
          + " model takes " + spec.inputs() + "; give it the training data's features");
    }
    return validation;
  }

  /**
   * In local mode, that the replicas fit the threads at once: Spark would otherwise retry the barrier
   * stage's slot check for minutes before failing. (A cluster's executors may still be registering, so
   * there Spark's own check decides.)
   */
  private void checkSlots() {
    String master = context.sc().master();
    if (master.startsWith("local") && replicas > context.defaultParallelism()) {
      throw new IllegalArgumentException(replicas + " replicas, but " + master + " runs " + context.defaultParallelism()
          + " tasks at once, and every replica is a task running at the same time; use at most "
          + context.defaultParallelism() + " replicas, or a master with more threads (local[" + replicas + "])");
    }
  }

  private void checkRows(long n) {
    if (n < replicas) {
      throw new IllegalArgumentException(n + " training rows for " + replicas + " replicas; give each at least one"
          + " row (fewer replicas or more data)");
    }
  }

  /**
   * Checks {@code out} against {@code resume}: a new run must not mix its checkpoints with an earlier
   * run's, and a resumed run must have as many replicas as it was started with (and have been trained
   * by replicas: a local run's checkpoints are not theirs).
   */
  void prepare(Path out, boolean resume) throws IOException {
    Path dir = out.resolve(Replica.CHECKPOINTS);
    List<Integer> found = RunContents.replicas(out);
    if (!resume && !found.isEmpty()) {
      throw new IllegalArgumentException(out + " holds the checkpoints of an earlier run (" + dir + "); resume it,"
          + " or choose another output folder");
    }
    if (resume && RunContents.hasCheckpoint(out)) {
      throw new IllegalArgumentException("the run in " + out + " was trained in one process (its checkpoints are in "
          + dir + "), not by replicas, which each resume from their own; resume it in one process");
    }
    List<Integer> expected = IntStream.range(0, replicas).boxed().toList();
    if (resume && !found.isEmpty() && !found.equals(expected)) {
      throw new IllegalArgumentException("the run in " + out + " has checkpoints of replicas " + found + " but this run"
          + " has " + replicas + "; resume it with the number of replicas it was started with");
    }
    Files.createDirectories(out);
  }
}
