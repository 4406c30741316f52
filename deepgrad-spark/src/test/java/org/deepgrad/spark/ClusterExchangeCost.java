package org.deepgrad.spark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link ExchangeCost} on a loopback standalone cluster ({@link StandaloneCluster}: a master and two
 * one-core workers, so each task runs in its own executor JVM and every message crosses a socket to
 * the driver). Run from the test class path with Spark's JVM options, as docs/spark.md shows.
 */
public final class ClusterExchangeCost {
  private ClusterExchangeCost() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("deepgrad-cluster-");
    try (StandaloneCluster cluster = new StandaloneCluster(dir)) {
      System.setProperty("spark.driver.host", "127.0.0.1");
      System.setProperty("spark.executor.cores", "1");
      System.setProperty("spark.cores.max", "2");
      System.setProperty("spark.executor.memory", "1g");
      System.setProperty("spark.executor.extraClassPath", cluster.classFolders);
      System.setProperty("spark.executor.extraJavaOptions", StandaloneCluster.jvmOptions());
      ExchangeCost.main(new String[] {cluster.master, "2"});
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }
}
