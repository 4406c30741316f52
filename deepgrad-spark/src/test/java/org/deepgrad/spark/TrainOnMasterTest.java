package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.data.Dataset;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.run.RunSetup;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.RunContents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code deepgrad train --master}: a run on the embedded Spark gets a local run's files, its replicas
 * build from the configuration's text what the Java API's replicas build, the global batch is split
 * over the replicas, and what Spark cannot serve ends with exit code 2 and a message, before anything
 * is written. The command line reuses this JVM's local[2] session ({@link SparkTests}), as it would a
 * session of the program embedding it.
 */
class TrainOnMasterTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void spark() {
    SparkTests.session();
  }

  @Test
  void aRunOnLocal2GetsTheFilesOfALocalRunAndTheWeightsOfTheReplicasAPI() throws Exception {
    Path out = dir.resolve("run");
    Cli.Run run = Cli.run("train", Cli.config(dir).toString(), "--master", "local[2]", "--out", out.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("on Spark 4.0.1 local[2]: 2 replica(s) x batch 16 = global batch 32, 230 rows each"),
        run::toString);
    assertTrue(run.out().contains("epoch 2/2  loss "), "the epochs replica 0 records are printed: " + run);
    for (String f : List.of("config.yaml", "metrics.jsonl", "diagnostics.json", "diagnostics.jsonl", "model.safetensors",
        "model.json", "report.html", "charts/loss.png")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertEquals(List.of(0, 1), RunContents.replicas(out));
    var info = ModelFiles.load(out).card().info();
    assertEquals(2, ((Number) info.get("replicas")).intValue());
    assertEquals(16, ((Number) info.get("batch_per_replica")).intValue());
    assertTrue(info.containsKey("test_accuracy"), info::toString);

    // The same configuration's job, trained by in-process replicas on the same rows: the same weights, bit for bit.
    TrainConfig c = TrainConfig.read(out.resolve(RunContents.CONFIG_FILE));
    RunSetup<?> setup = RunSetup.build(c, RunSetup.data(c), s -> s);
    Path reference = dir.resolve("reference");
    Files.createDirectories(reference);
    LocalReplicas.run(ConfigJob.of(setup, 16, 1), 2, (Dataset) setup.data().train(), (Dataset) setup.data().validation(),
        reference, false);
    assertEquals(0, Runs.maxDifference(Runs.saved(reference), Runs.saved(out)));

    Cli.Run resumed = Cli.run("train", Cli.config(dir).toString(), "--master", "local[2]", "--out", out.toString(),
        "--resume", "--epochs", "3", "--allow-changes");
    assertEquals(0, resumed.code(), resumed::toString);
    assertTrue(resumed.out().contains("resumed from step 30, the newest checkpoint every replica held"), resumed::toString);
    assertTrue(resumed.out().contains("COMPLETED after 3 epochs (45 steps)"), resumed::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo", "local[0]", "local[two]", "spark://127.0.0.1", "yarn"})
  void aMasterURLOfAnotherFormEndsWithExitCode2AndTheFormsTaken(String master) throws IOException {
    Path out = dir.resolve("bad-" + master.replaceAll("\\W", "_"));
    Cli.Run run = Cli.run("train", Cli.config(dir).toString(), "--master", master, "--out", out.toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().startsWith("deepgrad train: --master " + master + ": "), run::toString);
    assertTrue(run.err().contains(master.startsWith("spark") ? "spark://HOST:PORT, e.g. spark://127.0.0.1:7077"
        : "give local[N]"), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void anUnreachableMasterEndsWithExitCode2AndVerboseShowsTheStackTrace() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    Path out = dir.resolve("unreachable");
    String master = "spark://127.0.0.1:" + port;
    Cli.Run run = Cli.run("train", Cli.config(dir).toString(), "--master", master, "--out", out.toString());
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("--master " + master + ": cannot reach the Spark master (127.0.0.1:" + port
        + ": connection refused). Start it"), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
    assertFalse(Files.exists(out), "nothing written");
    Cli.Run verbose = Cli.run("train", Cli.config(dir).toString(), "--master", master, "--out", out.toString(), "--verbose");
    assertEquals(2, verbose.code(), verbose::toString);
    assertTrue(verbose.err().contains("\tat org.deepgrad.spark.SparkMaster"), verbose::toString);
  }

  @Test
  void whatTheReplicasCannotTrainEndsWithExitCode2BeforeAnythingIsWritten() throws IOException {
    Path config = Cli.config(dir);
    Path linear = Files.writeString(dir.resolve("linear.yaml"), "data: {dataset: linear}\n");
    Path out = dir.resolve("refused");
    String[][] cases = {
      {"--batch-size", "33", "--replicas", "2"}, {"--replicas", "3"}, {linear.toString()},
      {"--early-stopping", "2"}, {"--master", "local[1]"}};
    String[] expected = {
      "--batch-size 33 (training.batch_size) is the global batch, split evenly over the 2 replicas, and 2 does not "
          + "divide it; give a multiple of 2 (32 or 34)",
      "--replicas 3: local[2] runs 2 task(s) at once",
      "is a regression data set, and training on Spark takes classification data",
      "early stopping (training.early_stopping) is not available on Spark",
      "this JVM already runs Spark on local[2], and Spark runs one context per JVM"};
    for (int i = 0; i < cases.length; i++) {
      List<String> args = new java.util.ArrayList<>(List.of("train"));
      if (cases[i][0].startsWith("--")) args.add(config.toString());
      args.addAll(List.of(cases[i]));
      args.addAll(List.of("--out", out.toString()));
      if (!cases[i][0].equals("--master")) args.addAll(List.of("--master", "local[2]"));
      Cli.Run run = Cli.run(args.toArray(String[]::new));
      assertEquals(2, run.code(), run::toString);
      assertTrue(run.err().contains(expected[i]), run::toString);
      assertFalse(Files.exists(out), "nothing written: " + run);
    }
  }
}
