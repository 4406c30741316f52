package org.deepgrad.spark;

import org.apache.spark.sql.SparkSession;

/** One embedded Spark for the tests of this JVM: local[2] on the loopback address, no web UI. */
public final class SparkTests {
  private static SparkSession session;

  private SparkTests() {}

  public static synchronized SparkSession session() {
    if (session == null || session.sparkContext().isStopped()) { // stopped by a test class that needed another master
      session = SparkSession.builder().master("local[2]").appName("deepgrad-spark tests")
          .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
    }
    return session;
  }
}
