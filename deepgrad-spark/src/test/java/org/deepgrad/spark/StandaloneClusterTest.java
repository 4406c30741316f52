package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.train.CheckpointStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster: a standalone master and two workers on 127.0.0.1, started once for the class, and
 * driver JVMs of their own on it. One trains two replicas through the Java API while an executor JVM is
 * killed after the first checkpoint: Spark relaunches the executor and retries the barrier stage, which
 * resumes from the checkpoints, and the run ends with the weights of the same run uninterrupted
 * (in-process replicas, bit for bit). One is the command line, {@code train --master spark://...}: the
 * files of a local run, the weights of the same configuration on local[2]. One finds executors of
 * another Spark version (a {@code spark-version-info.properties} of 3.5.1 first on their class path)
 * and ends with exit code 2 before writing anything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {
  @TempDir
  static Path tmp;
  private static StandaloneCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    long t0 = System.nanoTime();
    cluster = new StandaloneCluster(tmp);
    System.out.printf("standalone cluster: master and 2 workers up after %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) cluster.close();
  }

  private static List<String> java(String... options) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g"));
    for (String o : StandaloneCluster.jvmOptions().split(" ")) if (!o.isBlank()) cmd.add(o);
    cmd.addAll(List.of(options));
    cmd.addAll(List.of("-cp", String.join(File.pathSeparator, StandaloneCluster.classPath())));
    return cmd;
  }

  @Test
  @Order(1)
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aKilledExecutorDoesNotLoseTheRun() throws Exception {
    Path out = tmp.resolve("run");
    long t0 = System.nanoTime();
    List<String> cmd = java("-Dcluster.jvm.options=" + StandaloneCluster.jvmOptions());
    cmd.addAll(List.of(ClusterDriver.class.getName(), cluster.master, out.toString(), cluster.classFolders));
    Process driver = cluster.startDriver("driver", cmd);
    try {
      Path replica1 = RunContents.replicaCheckpoints(out, 1);
      cluster.await(() -> hasCheckpoint(replica1), "the first checkpoint", driver);
      List<ProcessHandle> executors = cluster.executors();
      assertEquals(2, executors.size(), "one executor per worker");
      executors.get(1).destroyForcibly();
      System.out.printf("standalone cluster: executor killed after %.1f s%n", (System.nanoTime() - t0) / 1e9);
      assertTrue(driver.waitFor(4, TimeUnit.MINUTES), "the driver did not finish; see " + tmp);
      System.out.printf("standalone cluster: run finished after %.1f s%n", (System.nanoTime() - t0) / 1e9);
      String log = Files.readString(cluster.log("driver"));
      Files.copy(cluster.log("driver"), Path.of("target", "standalone-driver.log"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertEquals(0, driver.exitValue(), log);
      assertTrue(log.contains("RESULT COMPLETED steps 315 resumedFrom "), log);
      assertFalse(log.contains("resumedFrom -1"), "the stage was not retried: " + log);
    } finally {
      driver.destroyForcibly();
    }
    Path reference = tmp.resolve("reference");
    LocalReplicas.run(Runs.clusterJob(), 2, Runs.data(2000), null, reference, false);
    assertEquals(0, Runs.maxDifference(Runs.saved(reference), Runs.saved(out)), "bit for bit");
  }

  /** The command line on the cluster, in a driver JVM of its own; {@code executorClassPath} first on the executors'. */
  private static Process commandLine(String name, String executorClassPath, String... args) throws Exception {
    List<String> cmd = java("-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
        "-Dspark.ui.enabled=false", "-Dspark.executor.cores=1", "-Dspark.cores.max=2", "-Dspark.executor.memory=512m",
        "-Dspark.executor.extraClassPath=" + executorClassPath,
        "-Dspark.executor.extraJavaOptions=" + StandaloneCluster.jvmOptions());
    cmd.add("org.deepgrad.cli.Main");
    cmd.addAll(List.of(args));
    Process p = cluster.startDriver(name, cmd);
    assertTrue(p.waitFor(4, TimeUnit.MINUTES), name + " did not finish; see " + tmp);
    Files.copy(cluster.log(name), Path.of("target", "standalone-" + name + ".log"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return p;
  }

  @Test
  @Order(2)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theCommandLineTrainsOnTheClusterAsOnLocal2() throws Exception {
    Path out = tmp.resolve("cli");
    Path config = Cli.config(tmp);
    Process p = commandLine("cli", cluster.classFolders, "train", config.toString(), "--master", cluster.master,
        "--replicas", "2", "--out", out.toString());
    String log = Files.readString(cluster.log("cli"));
    assertEquals(0, p.exitValue(), log);
    assertTrue(log.contains("on Spark 4.0.1 " + cluster.master + ": 2 replica(s) x batch 16 = global batch 32"), log);
    for (String f : List.of("config.yaml", "metrics.jsonl", "diagnostics.json", "diagnostics.jsonl", "model.json",
        "report.html")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    Path local = tmp.resolve("cli-local");
    SparkTests.session();
    Cli.Run run = Cli.run("train", config.toString(), "--master", "local[2]", "--out", local.toString());
    assertEquals(0, run.code(), run::toString);
    assertEquals(0, Runs.maxDifference(Runs.saved(local), Runs.saved(out)), "the same weights as on local[2]");
  }

  @Test
  @Order(3)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void executorsOfAnotherSparkVersionEndWithExitCode2() throws Exception {
    Path fake = Files.createDirectories(tmp.resolve("spark-3.5.1"));
    Files.writeString(fake.resolve("spark-version-info.properties"), "version=3.5.1\n");
    Path out = tmp.resolve("mismatch");
    Process p = commandLine("mismatch", fake + File.pathSeparator + cluster.classFolders, "train",
        Cli.config(tmp).toString(), "--master", cluster.master, "--replicas", "2", "--out", out.toString());
    String log = Files.readString(cluster.log("mismatch"));
    assertEquals(2, p.exitValue(), log);
    assertTrue(log.contains("deepgrad train: --master " + cluster.master + ": the cluster's executors run Spark 3.5.1 "
        + "(Scala 2.13), and deepgrad drives Spark 4.0.1 (Scala 2.13)"), log);
    assertFalse(log.contains("\tat "), log);
    assertFalse(Files.exists(out), "nothing written");
  }

  private static boolean hasCheckpoint(Path dir) {
    try {
      return !new CheckpointStore(dir, 1).list().isEmpty();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
