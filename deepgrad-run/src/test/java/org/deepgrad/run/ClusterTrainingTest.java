package org.deepgrad.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.io.SavedModel;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.MetricsRecorder;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.TrainResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Training} on a {@link Cluster}: the same checks and files as a local run, the weights the
 * cluster sends back saved, its epochs told as its replica 0 records them, and the folder left as a
 * local run leaves it when the cluster fails. The cluster here trains in this JVM as a replica 0 would:
 * its own model, optimizer and trainer, recording into the run's {@code metrics.jsonl}.
 */
class ClusterTrainingTest {
  @TempDir
  Path dir;

  /** A cluster of one replica in this JVM; {@code failAfterSteps} &gt;= 0 makes it fail after that many steps recorded. */
  private static class InProcess implements Cluster {
    final int failAfterSteps;
    RunSetup<?> trained;

    InProcess(int failAfterSteps) {
      this.failAfterSteps = failAfterSteps;
    }

    @Override
    public String check(RunSetup<?> run) {
      return "in this JVM, as one replica";
    }

    @Override
    public Trained train(RunSetup<?> run, boolean resume) throws IOException {
      if (failAfterSteps == 0) throw new RunException("the cluster went away before the first step");
      RunSetup<?> replica = RunSetup.build(run.config(), run.data(), s -> failAfterSteps > 0 ? s.withMaxSteps(failAfterSteps) : s);
      TrainResult result;
      try (MetricsRecorder m = MetricsRecorder.open(run.config().output().dir(), resume, 5, replica.loader(), 1)) {
        replica.trainer().addListener(m);
        result = replica.trainer().fit();
      }
      if (failAfterSteps > 0) throw new RunException("the cluster went away after step " + failAfterSteps);
      trained = replica;
      Map<String, Tensor> state = new LinkedHashMap<>();
      replica.model().stateDict().forEach((k, v) -> state.put(k, Tensor.of(v.data().clone(), v.shape())));
      return new Trained(result, state, "{\"from\": \"the cluster\"}\n", "diagnostics: told by the cluster\n", -1,
          Map.of("replicas", 1));
    }

    @Override
    public void close() {}
  }

  private static final class Told implements RunListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void line(String text) {
      lines.add(text);
    }

    @Override
    public void onEpoch(int epoch, Map<String, Double> metrics) {
      lines.add("epoch " + epoch + " " + metrics.keySet());
    }
  }

  private static TrainConfig config(Path out) {
    return TinyRuns.config(out).withTraining(t -> t.withMaxSteps(0));
  }

  @Test
  void aClustersRunGetsALocalRunsFilesWithTheWeightsItSentBack() throws Exception {
    Path run = dir.resolve("run");
    InProcess cluster = new InProcess(-1);
    Told told = new Told();
    Training.Outcome o = Training.run(config(run), RunFolder.Consent.NONE, told, cluster);
    for (String f : List.of("config.yaml", "metrics.jsonl", "model.safetensors", "model.json", "diagnostics.json",
        "report.html")) {
      assertTrue(Files.isRegularFile(run.resolve(f)), f);
    }
    assertEquals("{\"from\": \"the cluster\"}\n", Files.readString(run.resolve("diagnostics.json")));
    SavedModel saved = ModelFiles.load(run);
    cluster.trained.model().stateDict().forEach((k, v) -> assertTrue(
        java.util.Arrays.equals(v.data(), saved.model().stateDict().get(k).data()), k + ": the cluster's weights"));
    assertEquals(1, ((Number) saved.card().info().get("replicas")).intValue(), "the cluster's info in model.json");
    assertEquals(TinyRuns.config(run).training().epochs(), o.result().epochs());
    assertTrue(told.lines.contains("in this JVM, as one replica"), told.lines::toString);
    assertTrue(told.lines.contains("diagnostics: told by the cluster"), told.lines::toString);
    assertTrue(told.lines.contains("epoch 4 [loss, accuracy, val_loss, val_accuracy]"),
        "the epochs replica 0 recorded are told: " + told.lines);
    assertEquals(config(run), TrainConfig.read(run.resolve(RunContents.CONFIG_FILE)));
  }

  @Test
  void aRunTheClusterCannotTrainIsRefusedBeforeAnythingIsWritten() {
    Path run = dir.resolve("refused");
    Cluster picky = new InProcess(-1) {
      @Override
      public String check(RunSetup<?> r) {
        throw new RunException("not on this cluster");
      }
    };
    RunException e = assertThrows(RunException.class, () -> Training.run(config(run), RunFolder.Consent.NONE,
        RunListener.NONE, picky));
    assertEquals("not on this cluster", e.getMessage());
    assertFalse(Files.exists(run));
  }

  @Test
  void aClusterLostBeforeTheFirstStepLeavesNothingAndOneLostLaterLeavesTheRunToResume() throws Exception {
    Path early = dir.resolve("early");
    assertThrows(RunException.class, () -> Training.run(config(early), RunFolder.Consent.NONE, RunListener.NONE,
        new InProcess(0)));
    assertFalse(Files.exists(early), "the folder the run made is gone");
    Path late = dir.resolve("late");
    assertThrows(RunException.class, () -> Training.run(config(late), RunFolder.Consent.NONE, RunListener.NONE,
        new InProcess(10)));
    assertTrue(Files.isRegularFile(late.resolve(RunContents.CONFIG_FILE)), "kept: the run took steps");
    assertTrue(Files.readString(late.resolve("metrics.jsonl")).contains("\"step\":10"));
  }

  @Test
  void aRunIsResumedWhereItsCheckpointsWereWritten() throws Exception {
    Path local = dir.resolve("local");
    TinyRuns.train(local, c -> c.withTraining(t -> t.withMaxSteps(10)));
    Files.delete(local.resolve("model.json")); // as if it had been stopped
    RunException e = assertThrows(RunException.class, () -> Training.run(config(local).withOutput(o -> o.withResume(true))
        .withTraining(t -> t.withMaxSteps(10)), RunFolder.Consent.NONE, RunListener.NONE, new InProcess(-1)));
    assertTrue(e.getMessage().contains("was trained in one process") && e.getMessage().contains("without --master"),
        e.getMessage());

    Path replicas = dir.resolve("replicas");
    Files.createDirectories(RunContents.replicaCheckpoints(replicas, 0));
    Files.createDirectories(RunContents.replicaCheckpoints(replicas, 1));
    Files.writeString(replicas.resolve("metrics.jsonl"), "");
    assertEquals(List.of(0, 1), RunContents.replicas(replicas));
    StringWriter out = new StringWriter();
    e = assertThrows(RunException.class, () -> Training.run(config(replicas).withOutput(o -> o.withResume(true)),
        new RunLog(new PrintWriter(out), new PrintWriter(out), Progress.Mode.LINES)));
    assertTrue(e.getMessage().contains("was trained on a cluster by 2 replicas")
        && e.getMessage().contains("--master and --replicas 2"), e.getMessage());
  }

  @Test
  void withoutAnImplementationOnTheClassPathConnectingSaysHowToGetOne() {
    RunException e = assertThrows(RunException.class, () -> Cluster.connect("local[2]", 0));
    assertTrue(e.getMessage().startsWith("--master local[2]: training on a cluster needs deepgrad-spark")
        && e.getMessage().contains("./deepgrad"), e.getMessage());
  }
}
