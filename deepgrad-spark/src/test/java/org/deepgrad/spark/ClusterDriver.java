package org.deepgrad.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The driver of {@link StandaloneClusterTest}, a JVM of its own: trains {@link Runs#clusterJob} with
 * two replicas on the standalone master given, writing to the folder given, and prints the result.
 */
public final class ClusterDriver {
  private ClusterDriver() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().master(args[0]).appName("deepgrad cluster test")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.executor.cores", "1").config("spark.cores.max", "2")
        .config("spark.executor.memory", "512m").config("spark.executor.extraClassPath", args[2])
        .config("spark.executor.extraJavaOptions", System.getProperty("cluster.jvm.options", ""))
        .config("spark.scheduler.barrier.maxConcurrentTasksCheck.interval", "1s")
        .config("spark.scheduler.barrier.maxConcurrentTasksCheck.maxFailures", "180").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    DistributedResult r = new SparkTraining(spark, 2).fit(Runs.clusterJob(), Runs.data(2000), null, Path.of(args[1]),
        false);
    System.out.println("RESULT " + r.stopReason() + " steps " + r.steps() + " resumedFrom " + r.resumedFrom());
    spark.stop();
  }
}
