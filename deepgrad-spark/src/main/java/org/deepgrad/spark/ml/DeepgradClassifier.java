package org.deepgrad.spark.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.optim.schedule.Schedules;
import org.deepgrad.spark.DistributedResult;
import org.deepgrad.spark.SparkTraining;
import org.deepgrad.spark.TrainingJob;
import org.deepgrad.train.TrainerSettings;

/**
 * A multilayer perceptron trained by deepgrad, data-parallel on the session's Spark
 * ({@link SparkTraining}), as a Spark ML {@code Estimator}: usable in a {@code Pipeline} (after a
 * {@code VectorAssembler}, a {@code StandardScaler}) and in {@code CrossValidator}. Its defaults are
 * deepgrad's main job: hidden layers 128-64-32, each Dense → BatchNorm → ReLU → Dropout 0.2, Adam at
 * lr 1e-3 with cosine annealing, batch 64, 30 epochs, seed 42.
 *
 * <pre>{@code
 * DeepgradClassifier mlp = new DeepgradClassifier().setHiddenLayers(new int[] {64}).setEpochs(10);
 * DeepgradClassificationModel model = mlp.fit(train);   // features: a vector column; label: 0..k-1
 * model.transform(test).select("prediction", "probability");
 * }</pre>
 *
 * The number of classes is that of the label column (its metadata, else its largest value + 1).
 */
public final class DeepgradClassifier
    extends ProbabilisticClassifier<Vector, DeepgradClassifier, DeepgradClassificationModel>
    implements DefaultParamsWritable {
  private String uid; // set after the Scala parents' constructors, which ask uid() (PendingUid)
  private final IntArrayParam hiddenLayers;
  private final Param<String> activation;
  private final Param<String> init;
  private final BooleanParam batchNorm;
  private final DoubleParam dropout;
  private final Param<String> optimizer;
  private final DoubleParam lr;
  private final Param<String> schedule;
  private final IntParam epochs;
  private final IntParam batchSize;
  private final LongParam seed;
  private final IntParam replicas;
  private final Param<String> runDir;

  public DeepgradClassifier() {
    this(Identifiable.randomUID("deepgradClassifier"));
  }

  public DeepgradClassifier(String uid) {
    this(PendingUid.hold(uid), true);
  }

  private DeepgradClassifier(String uid, boolean held) {
    this.uid = uid;
    PendingUid.release();
    hiddenLayers = new IntArrayParam(this, "hiddenLayers", "the widths of the hidden layers, e.g. [128, 64, 32]");
    activation = new Param<>(this, "activation", "the hidden layers' activation: relu, leaky_relu, elu, gelu, "
        + "sigmoid, tanh, softplus, softsign, hardtanh");
    init = new Param<>(this, "init", "the dense layers' initializer (he_normal, xavier_uniform, ...); empty: torch's"
        + " default");
    batchNorm = new BooleanParam(this, "batchNorm", "batch norm after each hidden dense layer");
    dropout = new DoubleParam(this, "dropout", "dropout after each hidden activation, in [0, 1)",
        ParamValidators.inRange(0, 1, true, false));
    optimizer = new Param<>(this, "optimizer", "the optimizer: " + String.join(", ", OptimizerRegistry.names()));
    lr = new DoubleParam(this, "lr", "the learning rate, > 0", ParamValidators.gt(0));
    schedule = new Param<>(this, "schedule", "the learning-rate schedule, as the command line's --schedule:"
        + " constant, cosine, step:STEP_SIZE[:GAMMA], warmup:STEPS,cosine, ...");
    epochs = new IntParam(this, "epochs", "passes over the training data, >= 1", ParamValidators.gtEq(1));
    batchSize = new IntParam(this, "batchSize", "the global batch, split evenly across the replicas, >= 1",
        ParamValidators.gtEq(1));
    seed = new LongParam(this, "seed", "seeds the weights, the data order and dropout");
    replicas = new IntParam(this, "replicas", "data-parallel replicas (Spark tasks at once); 0: the default"
        + " parallelism", ParamValidators.gtEq(0));
    runDir = new Param<>(this, "runDir", "a folder every executor reaches, in which each fit makes its run's folder"
        + " (fit-*: checkpoints, metrics.jsonl, model files) and keeps it; empty: a temporary folder, removed after"
        + " the fit (fine in local mode)");
    setDefault(hiddenLayers, new int[] {128, 64, 32});
    setDefault(activation, "relu");
    setDefault(init, "");
    setDefault(batchNorm, true);
    setDefault(dropout, 0.2);
    setDefault(optimizer, "adam");
    setDefault(lr, 1e-3);
    setDefault(schedule, "cosine");
    setDefault(epochs, 30);
    setDefault(batchSize, 64);
    setDefault(seed, 42L);
    setDefault(replicas, 0);
    setDefault(runDir, "");
  }

  @Override
  public String uid() {
    return uid != null ? uid : PendingUid.held();
  }

  public IntArrayParam hiddenLayers() { return hiddenLayers; }
  public Param<String> activation() { return activation; }
  public Param<String> init() { return init; }
  public BooleanParam batchNorm() { return batchNorm; }
  public DoubleParam dropout() { return dropout; }
  public Param<String> optimizer() { return optimizer; }
  public DoubleParam lr() { return lr; }
  public Param<String> schedule() { return schedule; }
  public IntParam epochs() { return epochs; }
  public IntParam batchSize() { return batchSize; }
  public LongParam seed() { return seed; }
  public IntParam replicas() { return replicas; }
  public Param<String> runDir() { return runDir; }

  public DeepgradClassifier setHiddenLayers(int[] v) { return (DeepgradClassifier) set(hiddenLayers, v); }
  public DeepgradClassifier setActivation(String v) { return (DeepgradClassifier) set(activation, v); }
  public DeepgradClassifier setInit(String v) { return (DeepgradClassifier) set(init, v); }
  public DeepgradClassifier setBatchNorm(boolean v) { return (DeepgradClassifier) set(batchNorm, v); }
  public DeepgradClassifier setDropout(double v) { return (DeepgradClassifier) set(dropout, v); }
  public DeepgradClassifier setOptimizer(String v) { return (DeepgradClassifier) set(optimizer, v); }
  public DeepgradClassifier setLr(double v) { return (DeepgradClassifier) set(lr, v); }
  public DeepgradClassifier setSchedule(String v) { return (DeepgradClassifier) set(schedule, v); }
  public DeepgradClassifier setEpochs(int v) { return (DeepgradClassifier) set(epochs, v); }
  public DeepgradClassifier setBatchSize(int v) { return (DeepgradClassifier) set(batchSize, v); }
  public DeepgradClassifier setSeed(long v) { return (DeepgradClassifier) set(seed, v); }
  public DeepgradClassifier setReplicas(int v) { return (DeepgradClassifier) set(replicas, v); }
  public DeepgradClassifier setRunDir(String v) { return (DeepgradClassifier) set(runDir, v); }

  @Override
  public DeepgradClassificationModel train(Dataset<?> dataset) {
    SparkSession spark = dataset.sparkSession();
    Object[] first = (Object[]) dataset.select($(featuresCol())).take(1);
    if (first.length == 0) throw new IllegalArgumentException("the training DataFrame has no rows; give it some");
    int inputs = ((Vector) ((Row) first[0]).get(0)).size();
    int classes = getNumClasses(dataset, getNumClasses$default$2());
    int n = (Integer) $(replicas) > 0 ? (Integer) $(replicas) : spark.sparkContext().defaultParallelism();
    int global = (Integer) $(batchSize);
    if (global % n != 0) {
      throw new IllegalArgumentException("batchSize " + global + " does not split evenly across " + n + " replicas;"
          + " give a multiple of " + n + ", or set replicas");
    }
    int[] hidden = $(hiddenLayers);
    String act = $(activation);
    String in = $(init).isEmpty() ? null : $(init);
    boolean bn = (Boolean) $(batchNorm);
    double drop = (Double) $(dropout);
    String opt = $(optimizer);
    double rate = (Double) $(lr);
    String sched = $(schedule);
    // SparkTraining builds the model, optimizer and schedule once on the driver: bad settings fail there
    TrainingJob job = TrainingJob.of(() -> ModelSpec.mlp(inputs, hidden, classes, act, in, bn, drop, false), (Long) $(seed),
        params -> OptimizerRegistry.create(opt, Map.of("lr", rate), params), steps -> Schedules.parse(sched, steps),
        TrainerSettings.defaults().withEpochs((Integer) $(epochs)), global / n).withCheckpoints(0, 1, 3);
    boolean temporary = $(runDir).isEmpty();
    try {
      Path out = temporary ? Files.createTempDirectory("deepgrad-spark-")
          : Files.createTempDirectory(Files.createDirectories(Path.of($(runDir))), "fit-");
      try {
        DistributedResult result = new SparkTraining(spark, n).fit(job, dataset.toDF(), $(featuresCol()),
            $(labelCol()), null, out, false);
        if (!result.modelSaved()) {
          throw new IllegalStateException("training stopped without a model: " + result + ". Lower the learning rate (lr)");
        }
        return copyValues(DeepgradClassificationModel.fromRun(uid, out), ParamMap.empty()).setParent(this);
      } finally {
        if (temporary) deleteTree(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a temporary run folder once its model is read. */
  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  @Override
  public DeepgradClassifier copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /** Reads an estimator {@code write().save(path)} saved (its parameters). */
  public static MLReader<DeepgradClassifier> read() {
    return new DefaultParamsReader<>();
  }

  public static DeepgradClassifier load(String path) {
    return read().load(path);
  }
}
