package org.deepgrad.spark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deepgrad.spark.SparkTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark ML estimator: pipelines, files, cross-validation, persistence. */
class DeepgradClassifierTest {
  @TempDir Path tmp;

  /** 240 rows of x0..x3 in columns and a label 0..2 of a teacher network, through a CSV file. */
  private Dataset<Row> table() throws Exception {
    SparkSession spark = SparkTests.session();
    org.deepgrad.data.Dataset d = org.deepgrad.data.Synthetic.teacher(240, 4, 8, 3, 5);
    StringBuilder csv = new StringBuilder("x0,x1,x2,x3,label\n");
    for (int i = 0; i < d.size(); i++) {
      for (int j = 0; j < 4; j++) csv.append(10 * d.features().data()[i * 4 + j] + 3).append(',');
      csv.append(d.labels()[i]).append('\n');
    }
    Path file = tmp.resolve("train.csv");
    Files.writeString(file, csv);
    return spark.read().option("header", "true").option("inferSchema", "true").csv(file.toString());
  }

  private static DeepgradClassifier small() {
    return new DeepgradClassifier().setHiddenLayers(new int[] {16}).setDropout(0).setEpochs(15).setBatchSize(16)
        .setLr(1e-2).setReplicas(2).setFeaturesCol("scaled");
  }

  private static Pipeline pipeline(DeepgradClassifier c) {
    return new Pipeline().setStages(new PipelineStage[] {
        new VectorAssembler().setInputCols(new String[] {"x0", "x1", "x2", "x3"}).setOutputCol("features"),
        new StandardScaler().setInputCol("features").setOutputCol("scaled").setWithMean(true), c});
  }

  @Test
  void aPipelineFromCsvPredictsAndSurvivesSaveAndLoad() throws Exception {
    Dataset<Row> data = table();
    PipelineModel model = pipeline(small()).fit(data);
    Dataset<Row> out = model.transform(data);
    double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(out);
    assertTrue(accuracy > 0.8, "training accuracy " + accuracy);
    Row first = out.select("rawPrediction", "probability", "prediction").head();
    Vector p = (Vector) first.get(1);
    assertEquals(3, p.size());
    assertEquals(1, p.toArray()[0] + p.toArray()[1] + p.toArray()[2], 1e-9);
    assertEquals((double) ((Vector) first.get(0)).argmax(), first.getDouble(2));

    String saved = tmp.resolve("pipeline").toString();
    model.write().save(saved);
    List<Row> again = PipelineModel.load(saved).transform(data).select("probability").collectAsList();
    List<Row> before = out.select("probability").collectAsList();
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(((Vector) before.get(i).get(0)).toArray(), ((Vector) again.get(i).get(0)).toArray());
    }
  }

  @Test
  void crossValidationPicksAmongSettings() throws Exception {
    DeepgradClassifier c = small().setEpochs(4);
    ParamMap[] grid = new ParamGridBuilder().addGrid(c.lr(), new double[] {1e-2, 1e-5}).build();
    CrossValidatorModel cv = new CrossValidator().setEstimator(pipeline(c)).setEstimatorParamMaps(grid).setNumFolds(2)
        .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy")).fit(table());
    double[] metrics = cv.avgMetrics();
    assertEquals(2, metrics.length);
    assertTrue(metrics[0] > metrics[1], "lr 1e-2 should beat 1e-5 after 4 epochs: " + metrics[0] + " vs " + metrics[1]);
  }

  @Test
  void libsvmAndParquetFilesTrainToo() throws Exception {
    SparkSession spark = SparkTests.session();
    Path libsvm = tmp.resolve("data.libsvm");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) lines.add((i % 2) + " 1:" + (i % 2 == 0 ? -1 - i * 0.01 : 1 + i * 0.01) + " 2:0.5");
    Files.write(libsvm, lines);
    Dataset<Row> data = spark.read().format("libsvm").option("numFeatures", "2").load(libsvm.toString());
    String parquet = tmp.resolve("data.parquet").toString();
    data.write().parquet(parquet);
    DeepgradClassifier c = new DeepgradClassifier().setHiddenLayers(new int[] {4}).setEpochs(10).setBatchSize(8)
        .setLr(0.05).setReplicas(2);
    for (Dataset<Row> frame : List.of(data, spark.read().parquet(parquet))) {
      double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy")
          .evaluate(c.fit(frame).transform(frame));
      assertTrue(accuracy > 0.9, "accuracy " + accuracy);
    }
  }

  @Test
  void badSettingsFailOnTheDriverWithTheFix() throws Exception {
    Dataset<Row> data = new VectorAssembler().setInputCols(new String[] {"x0", "x1", "x2", "x3"}).setOutputCol("scaled")
        .transform(table());
    var odd = assertThrows(IllegalArgumentException.class, () -> small().setBatchSize(15).fit(data));
    assertTrue(odd.getMessage().contains("does not split evenly across 2 replicas"), odd.getMessage());
    var opt = assertThrows(IllegalArgumentException.class, () -> small().setOptimizer("adamm").fit(data));
    assertTrue(opt.getMessage().contains("unknown optimizer 'adamm'"), opt.getMessage());
    var act = assertThrows(IllegalArgumentException.class, () -> small().setActivation("relux").fit(data));
    assertTrue(act.getMessage().contains("relux"), act.getMessage());
    var empty = assertThrows(IllegalArgumentException.class, () -> small().fit(data.limit(0)));
    assertTrue(empty.getMessage().contains("has no rows"), empty.getMessage());
  }

}
