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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster: a standalone master and two workers on 127.0.0.1, a driver JVM training two
 * replicas on them, one executor JVM killed after the first checkpoint. Spark relaunches the executor
 * and retries the barrier stage, which resumes from the checkpoints; the run ends with the weights of
 * the same run uninterrupted (in-process replicas, bit for bit).
 */
class StandaloneClusterTest {
  @TempDir Path tmp;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aKilledExecutorDoesNotLoseTheRun() throws Exception {
    Path out = tmp.resolve("run");
    long t0 = System.nanoTime();
    try (StandaloneCluster cluster = new StandaloneCluster(tmp)) {
      System.out.printf("standalone cluster: master and 2 workers up after %.1f s%n", (System.nanoTime() - t0) / 1e9);
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-Dcluster.jvm.options=" + StandaloneCluster.jvmOptions()));
      for (String o : StandaloneCluster.jvmOptions().split(" ")) if (!o.isBlank()) cmd.add(o);
      cmd.addAll(List.of("-cp", String.join(File.pathSeparator, StandaloneCluster.classPath()),
          ClusterDriver.class.getName(), cluster.master, out.toString(), cluster.classFolders));
      Process driver = cluster.startDriver(cmd);
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
    }
    Path reference = tmp.resolve("reference");
    LocalReplicas.run(Runs.clusterJob(), 2, Runs.data(2000), null, reference, false);
    assertEquals(0, Runs.maxDifference(Runs.saved(reference), Runs.saved(out)), "bit for bit");
  }

  private static boolean hasCheckpoint(Path dir) {
    try {
      return !new CheckpointStore(dir, 1).list().isEmpty();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
