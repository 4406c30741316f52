package org.deepgrad.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Mnist;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.Objective;
import org.deepgrad.train.TrainerSettings;

/**
 * A benchmark: deepgrad on Spark against Spark MLlib's {@code MultilayerPerceptronClassifier} on
 * mnist-10k (the first 8,000 digits train, the last 2,000 test), one after the other on the same
 * Spark; prints each one's test accuracy and the wall time of its training.
 *
 * <ul>
 *   <li>deepgrad: the main job (784-128-64-32-10, Dense → BatchNorm → ReLU → Dropout 0.2, Adam lr 1e-3,
 *       cosine, 30 epochs, global batch 64 = N replicas × 64/N, seed 42), gradient averaging;
 *   <li>MLlib: layers 784-128-64-32-10 (its hidden layers are sigmoid), L-BFGS, 100 iterations, block
 *       size 128, seed 42: its usual settings.
 * </ul>
 *
 * <pre>
 * java ... org.deepgrad.spark.MnistComparison [MASTER (local[2])] [REPLICAS (2)] [EPOCHS (30)] [MLLIB_ITERATIONS (100)]
 * </pre>
 */
public final class MnistComparison {
  private MnistComparison() {}

  public static void main(String[] args) throws Exception {
    String master = args.length > 0 ? args[0] : "local[2]";
    int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    SparkSession spark = SparkSession.builder().master(master).appName("deepgrad vs MLlib on mnist-10k")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Dataset.Split data = Mnist.trainTest();

    ModelSpec spec = spec();
    TrainingJob job = TrainingJob.of(MnistComparison::spec, 42, params -> Optimizers.adam(params, Adam.defaults().lr(1e-3)),
        steps -> Schedule.cosine(steps, 0), TrainerSettings.defaults().withEpochs(epochs), 64 / replicas)
        .withCheckpoints(0, 1, 3).withDiagnostics(0);
    Path out = Files.createTempDirectory("deepgrad-mnist-");
    long t0 = System.nanoTime();
    DistributedResult r = new SparkTraining(spark, replicas).fit(job, data.train(), null, out, false);
    double deepgradSeconds = (System.nanoTime() - t0) / 1e9;
    Metrics test = Objective.classification().evaluate(ModelFiles.load(out).model(), data.test());

    var train = frame(spark, data.train());
    var testFrame = frame(spark, data.test());
    train.cache().count();
    testFrame.cache().count();
    long t1 = System.nanoTime();
    var mllib = new MultilayerPerceptronClassifier().setLayers(new int[] {784, 128, 64, 32, 10}).setMaxIter(iterations)
        .setBlockSize(128).setSeed(42).fit(train);
    double mllibSeconds = (System.nanoTime() - t1) / 1e9;
    double mllibAccuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
        .evaluate(mllib.transform(testFrame));

    System.out.printf(Locale.ROOT, "mnist-10k on %s (8000 train, 2000 test)%n", master);
    System.out.printf(Locale.ROOT, "deepgrad, %s, %d replicas x batch %d, %d epochs (%s): test accuracy %.2f%%,"
        + " fit %.1f s%n", spec.describe(), replicas, 64 / replicas, epochs, r.stopReason(),
        100 * test.accuracy().getAsDouble(), deepgradSeconds);
    System.out.printf(Locale.ROOT, "MLlib MultilayerPerceptronClassifier, 784-128-64-32-10 sigmoid, L-BFGS, %d"
        + " iterations, block 128: test accuracy %.2f%%, fit %.1f s%n", iterations, 100 * mllibAccuracy, mllibSeconds);
    spark.stop();
  }

  /** The main job's model. */
  private static ModelSpec spec() {
    return ModelSpec.mlp(784, new int[] {128, 64, 32}, 10, "relu", null, true, 0.2, false);
  }

  /** A data set as a DataFrame of (features vector, label double). */
  private static org.apache.spark.sql.Dataset<Row> frame(SparkSession spark, Dataset d) {
    int k = d.inputSize();
    float[] x = d.features().data();
    List<Row> rows = new ArrayList<>(d.size());
    for (int i = 0; i < d.size(); i++) {
      double[] v = new double[k];
      for (int j = 0; j < k; j++) v[j] = x[i * k + j];
      rows.add(RowFactory.create(Vectors.dense(v), (double) d.labels()[i]));
    }
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
    return spark.createDataFrame(rows, schema);
  }
}
