package org.deepgrad.spark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tool for measuring on a real cluster by hand: starts {@link StandaloneCluster} (a master and two
 * one-core workers on 127.0.0.1), prints its URL and the executor class path, and keeps it up until
 * standard input ends. Run from the test class path with Spark's JVM options, as docs/spark.md shows;
 * then point {@code ./deepgrad train --master URL} at it.
 */
public final class LoopbackCluster {
  private LoopbackCluster() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("deepgrad-loopback-");
    try (StandaloneCluster cluster = new StandaloneCluster(dir)) {
      System.out.println("master " + cluster.master);
      System.out.println("executor class path " + cluster.classFolders);
      System.out.println("logs " + dir);
      System.out.flush();
      while (System.in.read() >= 0) {
        // until standard input ends
      }
    }
  }
}
