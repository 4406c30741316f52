package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deepgrad.data.Dataset;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.schedule.Schedule;
import org.deepgrad.train.TrainerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replicas as the tasks of a barrier stage on the embedded local[2] Spark. */
class SparkTrainingTest {
  @TempDir Path tmp;

  @Test
  void sparkTasksTrainAsTheInProcessReplicas() throws Exception {
    Dataset train = Runs.data(256);
    TrainingJob job = Runs.job(true, 2);
    Dataset validation = Runs.data(64);
    DistributedResult r = new SparkTraining(SparkTests.session(), 2).fit(job, train, validation, tmp.resolve("spark"),
        false);
    LocalReplicas.run(job, 2, train, validation, tmp.resolve("threads"), false);
    assertEquals("COMPLETED", r.stopReason());
    assertEquals(0, Runs.maxDifference(Runs.saved(tmp.resolve("spark")), Runs.saved(tmp.resolve("threads"))));
    List<String> lines = Files.readAllLines(tmp.resolve("spark/metrics.jsonl"));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"event\":\"epoch\",\"epoch\":2,\"step\":16,")
        && l.contains("\"val_accuracy\":")), String.join("\n", lines));
  }

  @Test
  void aDataFrameIsDealtAsTheDataSetOnTheDriver() throws Exception {
    Dataset train = Runs.data(200);
    TrainingJob job = Runs.job(false, 1);
    List<Row> rows = new ArrayList<>();
    int d = train.inputSize();
    for (int i = 0; i < train.size(); i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) x[j] = train.features().data()[i * d + j];
      rows.add(RowFactory.create(Vectors.dense(x), (double) train.labels()[i]));
    }
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
    var frame = SparkTests.session().createDataFrame(rows, schema).repartition(3);
    SparkTraining spark = new SparkTraining(SparkTests.session(), 2);
    spark.fit(job, SparkTests.session().createDataFrame(rows, schema), "features", "label", null, tmp.resolve("frame"),
        false);
    spark.fit(job, train, null, tmp.resolve("dataset"), false);
    assertEquals(0, Runs.maxDifference(Runs.saved(tmp.resolve("frame")), Runs.saved(tmp.resolve("dataset"))));
    assertTrue(frame.rdd().getNumPartitions() == 3);
  }

  @Test
  void aFailedTaskRetriesTheStageWhichResumesFromTheCheckpoints() throws Exception {
    Dataset train = Runs.data(256);
    TrainingJob whole = Runs.job(false, 3);
    // The same job, but replica 1's schedule throws at update 12 (epoch 2) on the stage's first attempt.
    TrainingJob failing = TrainingJob.of(() -> Runs.spec(false), Runs.SEED,
        params -> Optimizers.adam(params, Adam.defaults().lr(1e-2)), steps -> {
          Schedule cosine = Schedule.cosine(steps, 0);
          return (k, lr) -> {
            TaskContext t = TaskContext.get();
            if (k == 11 && t.partitionId() == 1 && t.stageAttemptNumber() == 0) throw new IllegalStateException("lost");
            return cosine.lr(k, lr);
          };
        }, TrainerSettings.defaults().withEpochs(3), Runs.BATCH).withCheckpoints(0, 1, 3);
    SparkTraining spark = new SparkTraining(SparkTests.session(), 2);
    DistributedResult r = spark.fit(failing, train, null, tmp.resolve("retried"), false);
    spark.fit(whole, train, null, tmp.resolve("whole"), false);
    assertEquals(8, r.resumedFrom(), "the retried stage resumed from epoch 1's checkpoint");
    assertEquals(24, r.steps());
    assertEquals(0, Runs.maxDifference(Runs.saved(tmp.resolve("whole")), Runs.saved(tmp.resolve("retried"))));
  }

  @Test
  void aFolderWithAnotherRunsCheckpointsIsRefused() throws Exception {
    Dataset train = Runs.data(64);
    SparkTraining spark = new SparkTraining(SparkTests.session(), 2);
    spark.fit(Runs.job(false, 1), train, null, tmp, false);
    var e = assertThrows(IllegalArgumentException.class, () -> spark.fit(Runs.job(false, 1), train, null, tmp, false));
    assertTrue(e.getMessage().contains("holds the checkpoints of an earlier run"), e.getMessage());
    var wrongCount = assertThrows(IllegalArgumentException.class,
        () -> new SparkTraining(SparkTests.session(), 1).fit(Runs.job(false, 1), train, null, tmp, true));
    assertTrue(wrongCount.getMessage().contains("replicas [0, 1] but this run has 1"), wrongCount.getMessage());
  }
}
